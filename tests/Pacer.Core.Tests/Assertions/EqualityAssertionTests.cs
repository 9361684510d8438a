using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

public class EqualityAssertionTests
{
    private const string Body = """
        {"code": 0, "codeText": "0", "price": 1.50, "big": 1e2, "ok": true, "none": null, "name": "Ann",
         "user": {"id": 1, "tags": ["a", "b"]}, "list": [1, {"x": 2}]}
        """;

    [Theory]
    [InlineData("code", "0")]
    [InlineData("code", "0.0")]
    [InlineData("code", "-0")]
    [InlineData("price", "1.5")]
    [InlineData("big", "100")]
    [InlineData("ok", "true")]
    [InlineData("none", "null")]
    [InlineData("name", "\"Ann\"")]
    [InlineData("user", "{\"tags\": [\"a\", \"b\"], \"id\": 1.0}")]
    [InlineData("list", "[1, {\"x\": 2}]")]
    public void Equal_values_of_the_same_json_type_pass(string path, string literal)
    {
        var outcome = Check(Body, path, AssertOperator.Equal, Lit(literal));

        Assert.True(outcome.Passed, outcome.Message);
        Assert.Null(outcome.Message);
    }

    [Theory]
    [InlineData("name", "\"ann\"")]
    [InlineData("ok", "false")]
    [InlineData("list", "[{\"x\": 2}, 1]")]
    [InlineData("user", "{\"id\": 1}")]
    [InlineData("user", "{\"id\": 1, \"tags\": [\"a\", \"b\"], \"extra\": 0}")]
    [InlineData("price", "1.51")]
    public void Different_values_fail(string path, string literal)
    {
        Assert.False(Check(Body, path, AssertOperator.Equal, Lit(literal)).Passed);
    }

    [Fact]
    public void A_number_is_not_equal_to_the_same_digits_as_a_string_and_the_message_says_so()
    {
        var outcome = Check(Body, "codeText", AssertOperator.Equal, Lit("0"));

        Assert.False(outcome.Passed);
        Assert.Equal("0 (number)", outcome.Expected);
        Assert.Equal("\"0\" (string)", outcome.Actual);
        Assert.StartsWith("codeText: expected 0 (number), got \"0\" (string)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("the JSON types differ", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_is_not_equal_to_the_same_digits_as_a_number()
    {
        var outcome = Check(Body, "code", AssertOperator.Equal, Str("0"));

        Assert.False(outcome.Passed);
        Assert.StartsWith("code: expected \"0\" (string), got 0 (number)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_equal_to_false_zero_or_empty_string()
    {
        Assert.False(Check(Body, "none", AssertOperator.Equal, Lit("false")).Passed);
        Assert.False(Check(Body, "none", AssertOperator.Equal, Lit("0")).Passed);
        Assert.False(Check(Body, "none", AssertOperator.Equal, Str("")).Passed);
    }

    [Fact]
    public void Not_equal_is_the_negation()
    {
        Assert.True(Check(Body, "codeText", AssertOperator.NotEqual, Lit("0")).Passed);
        var same = Check(Body, "code", AssertOperator.NotEqual, Lit("0"));
        Assert.False(same.Passed);
        Assert.Equal("not 0 (number)", same.Expected);
    }

    [Fact]
    public void Status_compares_as_a_number()
    {
        Assert.True(Check("{}", "status", AssertOperator.Equal, Lit("200")).Passed);
        Assert.False(Check("{}", "status", AssertOperator.Equal, Str("200")).Passed);
    }

    [Fact]
    public void Passing_outcome_still_describes_expected_and_actual()
    {
        var outcome = Check(Body, "name", AssertOperator.Equal, Lit("\"Ann\""));

        Assert.Equal("\"Ann\" (string)", outcome.Expected);
        Assert.Equal("\"Ann\" (string)", outcome.Actual);
    }

    [Fact]
    public void Missing_subject_fails_and_names_the_path()
    {
        var outcome = Check(Body, "body.user.email", AssertOperator.Equal, Str("a@b"));

        Assert.False(outcome.Passed);
        Assert.Equal("(missing)", outcome.Actual);
        Assert.StartsWith("body.user.email not found", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Soft_assertions_evaluate_the_same_way()
    {
        var outcome = Evaluate(Node("code", AssertOperator.Equal, Lit("1"), soft: true), Support.Responses.Json(Body));

        Assert.False(outcome.Passed);
        Assert.True(outcome.Assertion.IsSoft);
    }
}
