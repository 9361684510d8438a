using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>contains, not contains, in.</summary>
public class ContainmentAssertionTests
{
    private const string Body = """
        {"message": "Order created", "tags": ["new", 2, {"k": 1}], "user": {"id": 1, "email": "a@b.c"}, "count": 12}
        """;

    [Fact]
    public void Contains_finds_a_substring_ordinally()
    {
        Assert.True(Check(Body, "message", AssertOperator.Contains, Str("created")).Passed);
        Assert.False(Check(Body, "message", AssertOperator.Contains, Str("CREATED")).Passed);
    }

    [Fact]
    public void Contains_on_an_array_is_membership_with_deep_equality()
    {
        Assert.True(Check(Body, "tags", AssertOperator.Contains, Str("new")).Passed);
        Assert.True(Check(Body, "tags", AssertOperator.Contains, Lit("2.0")).Passed);
        Assert.True(Check(Body, "tags", AssertOperator.Contains, Lit("{\"k\": 1}")).Passed);
        Assert.False(Check(Body, "tags", AssertOperator.Contains, Str("2")).Passed);
        Assert.False(Check(Body, "tags", AssertOperator.Contains, Str("ne")).Passed);
    }

    [Fact]
    public void Contains_on_an_object_checks_key_presence()
    {
        Assert.True(Check(Body, "user", AssertOperator.Contains, Str("email")).Passed);
        Assert.False(Check(Body, "user", AssertOperator.Contains, Str("a@b.c")).Passed);
    }

    [Fact]
    public void Not_contains_is_the_negation()
    {
        Assert.True(Check(Body, "message", AssertOperator.NotContains, Str("error")).Passed);
        Assert.False(Check(Body, "tags", AssertOperator.NotContains, Str("new")).Passed);
        Assert.True(Check(Body, "user", AssertOperator.NotContains, Str("password")).Passed);
    }

    [Fact]
    public void Contains_on_a_number_fails_with_a_message_instead_of_converting()
    {
        var outcome = Check(Body, "count", AssertOperator.Contains, Str("1"));

        Assert.False(outcome.Passed);
        Assert.Contains("contains needs a string, an array or an object, got 12 (number)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_contains_with_wrong_types_fails_rather_than_passing_vacuously()
    {
        var outcome = Check(Body, "message", AssertOperator.NotContains, Lit("5"));

        Assert.False(outcome.Passed);
        Assert.Contains("needs a string to look for, got 5 (number)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_matches_any_list_item_with_deep_equality()
    {
        var response = Support.Responses.Json(Body, status: 201);

        Assert.True(Evaluate(Node("status", AssertOperator.In, List(Lit("200"), Lit("201"))), response).Passed);
        Assert.True(Check(Body, "user", AssertOperator.In, List(Lit("{\"email\":\"a@b.c\",\"id\":1}"))).Passed);
        Assert.False(Check(Body, "count", AssertOperator.In, List(Str("12"), Lit("13"))).Passed);
    }

    [Fact]
    public void In_describes_the_list()
    {
        var outcome = Evaluate(Node("status", AssertOperator.In, List(Lit("200"), Lit("201"))), Support.Responses.Json("{}", status: 404));

        Assert.Equal("one of [200,201]", outcome.Expected);
        Assert.Equal("status: expected one of [200,201], got 404 (number)", outcome.Message);
    }

    [Fact]
    public void In_with_templates_in_the_list_uses_their_values()
    {
        var scope = Templating.Support.Scopes.With(("a", "12"));

        Assert.True(Check(Body, "count", AssertOperator.In, List(Tpl("{{a}}"), Lit("1")), scope).Passed);
    }

    [Fact]
    public void In_against_something_that_is_not_a_list_fails_with_a_message()
    {
        var outcome = Check(Body, "count", AssertOperator.In, Lit("12"));

        Assert.False(outcome.Passed);
        Assert.Contains("in needs a list", outcome.Message, StringComparison.Ordinal);
    }
}
