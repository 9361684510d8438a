using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>matches, startsWith, endsWith, isType.</summary>
public class TextAndTypeAssertionTests
{
    private const string Body = """
        {"id": "ord_123", "count": 3, "ok": false, "none": null, "items": [], "user": {}, "evil": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}
        """;

    [Fact]
    public void Matches_uses_a_regular_expression()
    {
        Assert.True(Check(Body, "id", AssertOperator.Matches, Str("^ord_[0-9]+$")).Passed);
        Assert.False(Check(Body, "id", AssertOperator.Matches, Str("^usr_")).Passed);
    }

    [Fact]
    public void Matches_on_a_number_fails_without_converting()
    {
        var outcome = Check(Body, "count", AssertOperator.Matches, Str("3"));

        Assert.False(outcome.Passed);
        Assert.Contains("matches needs a string to test, got 3 (number)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_pattern_fails_with_a_message()
    {
        var outcome = Check(Body, "id", AssertOperator.Matches, Str("([a-z"));

        Assert.False(outcome.Passed);
        Assert.Contains("invalid regular expression \"([a-z\"", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catastrophic_pattern_times_out_as_a_failure_not_a_hang()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var outcome = Check(Body, "evil", AssertOperator.Matches, Str("^(a+)+$"));

        Assert.False(outcome.Passed);
        Assert.Contains("took longer than 1 s", outcome.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Starts_with_and_ends_with_work_on_strings_ordinally()
    {
        Assert.True(Check(Body, "id", AssertOperator.StartsWith, Str("ord_")).Passed);
        Assert.False(Check(Body, "id", AssertOperator.StartsWith, Str("ORD_")).Passed);
        Assert.True(Check(Body, "id", AssertOperator.EndsWith, Str("123")).Passed);
        Assert.False(Check(Body, "id", AssertOperator.EndsWith, Str("12")).Passed);
    }

    [Fact]
    public void Starts_with_on_a_number_fails_with_a_message()
    {
        var outcome = Check(Body, "count", AssertOperator.StartsWith, Str("3"));

        Assert.False(outcome.Passed);
        Assert.Contains("startsWith works on strings only, got 3 (number) and \"3\" (string)", outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "string")]
    [InlineData("count", "number")]
    [InlineData("ok", "boolean")]
    [InlineData("ok", "bool")]
    [InlineData("none", "null")]
    [InlineData("items", "array")]
    [InlineData("user", "object")]
    [InlineData("user", "Object")]
    public void Is_type_recognises_every_json_type(string path, string type)
    {
        Assert.True(Check(Body, path, AssertOperator.IsType, Type(type)).Passed);
    }

    [Fact]
    public void Is_type_mismatch_describes_both_sides()
    {
        var outcome = Check(Body, "items", AssertOperator.IsType, Type("object"));

        Assert.False(outcome.Passed);
        Assert.Equal("type object", outcome.Expected);
        Assert.Equal("[] (array)", outcome.Actual);
    }

    [Fact]
    public void Is_type_with_an_unknown_type_name_fails_and_lists_the_valid_ones()
    {
        var outcome = Check(Body, "count", AssertOperator.IsType, Type("integer"));

        Assert.False(outcome.Passed);
        Assert.Contains("use string, number, boolean, array, object or null", outcome.Message, StringComparison.Ordinal);
    }
}
