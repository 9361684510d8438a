using Pacer.Core.Flow.Syntax;
using Pacer.Core.Tests.Assertions.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

public class ComparisonAssertionTests
{
    private const string Body = """{"total": 5, "ratio": 0.3, "name": "abc", "huge": 1e400}""";

    [Theory]
    [InlineData(AssertOperator.Less, "6", true)]
    [InlineData(AssertOperator.Less, "5", false)]
    [InlineData(AssertOperator.LessOrEqual, "5", true)]
    [InlineData(AssertOperator.LessOrEqual, "4.999", false)]
    [InlineData(AssertOperator.Greater, "4.999", true)]
    [InlineData(AssertOperator.Greater, "5", false)]
    [InlineData(AssertOperator.GreaterOrEqual, "5.0", true)]
    [InlineData(AssertOperator.GreaterOrEqual, "5.0001", false)]
    public void Orders_numbers(AssertOperator op, string literal, bool passes)
    {
        Assert.Equal(passes, Check(Body, "total", op, Lit(literal)).Passed);
    }

    [Fact]
    public void Status_range_checks_work()
    {
        var response = Responses.Json("{}", status: 204);

        Assert.True(Evaluate(Node("status", AssertOperator.GreaterOrEqual, Lit("200")), response).Passed);
        Assert.True(Evaluate(Node("status", AssertOperator.Less, Lit("300")), response).Passed);
    }

    [Fact]
    public void Comparing_a_string_fails_with_a_clear_message()
    {
        var outcome = Check(Body, "name", AssertOperator.Less, Lit("10"));

        Assert.False(outcome.Passed);
        Assert.Contains("cannot compare \"abc\" (string) with <", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_against_a_string_fails_with_a_clear_message()
    {
        var outcome = Check(Body, "total", AssertOperator.GreaterOrEqual, Str("1"));

        Assert.False(outcome.Passed);
        Assert.Contains("cannot compare with >= against \"1\" (string)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_beyond_decimal_range_compare_as_doubles()
    {
        Assert.True(Check(Body, "huge", AssertOperator.Greater, Lit("1e300")).Passed);
    }

    [Theory]
    [InlineData(499, true)]
    [InlineData(500, false)]
    public void Duration_compares_with_a_duration_operand_in_milliseconds(double actualMs, bool passes)
    {
        var outcome = Evaluate(Node("duration", AssertOperator.Less, Ms(500)), Responses.Json("{}", durationMs: actualMs));

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal("< 500 ms", outcome.Expected);
        Assert.Equal($"{actualMs} ms", outcome.Actual);
    }

    [Fact]
    public void Duration_compares_with_a_plain_number_as_milliseconds()
    {
        var outcome = Evaluate(Node("duration", AssertOperator.Less, Lit("1000")), Responses.Json("{}", durationMs: 999.5));

        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Failed_duration_message_reads_in_milliseconds()
    {
        var outcome = Evaluate(Node("duration", AssertOperator.Less, Ms(1000)), Responses.Json("{}", durationMs: 1234.5678));

        Assert.Equal("duration: expected < 1000 ms, got 1234.568 ms", outcome.Message);
    }
}
