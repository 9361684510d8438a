using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Tests.Templating.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

public class ArithmeticAssertionTests
{
    [Fact]
    public void Captured_count_plus_one_equals_the_new_count()
    {
        var scope = Scopes.With(("before", "4"));

        var outcome = Check("{\"count\": 5}", "count", AssertOperator.Equal, Arith(Tpl("{{before}}"), '+', Lit("1")), scope);

        Assert.True(outcome.Passed, outcome.Message);
        Assert.Equal("5 (number)", outcome.Expected);
    }

    [Theory]
    [InlineData('+', "0.1", "0.2", "0.3")]
    [InlineData('-', "1", "0.9", "0.1")]
    [InlineData('*', "1.1", "1.1", "1.21")]
    [InlineData('/', "1", "4", "0.25")]
    [InlineData('/', "10", "4", "2.5")]
    [InlineData('-', "3", "5", "-2")]
    public void Arithmetic_is_decimal_exact(char op, string left, string right, string expected)
    {
        var outcome = Check($"{{\"v\": {expected}}}", "v", AssertOperator.Equal, Arith(Lit(left), op, Lit(right)));

        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void Double_literals_as_the_parser_builds_them_still_add_exactly()
    {
        var sum = Arith(new LiteralOperand(JsonValue.Create(0.1), SourceSpan.None), '+', new LiteralOperand(JsonValue.Create(0.2), SourceSpan.None));

        Assert.True(Check("{\"v\": 0.3}", "v", AssertOperator.Equal, sum).Passed);
    }

    [Fact]
    public void Largest_decimal_survives_arithmetic_unchanged()
    {
        var outcome = Check("{\"v\": 79228162514264337593543950335}", "v", AssertOperator.Equal, Arith(Lit("79228162514264337593543950335"), '+', Lit("0")));

        Assert.True(outcome.Passed, outcome.Message);
        Assert.Equal("79228162514264337593543950335 (number)", outcome.Expected);
    }

    [Fact]
    public void Arithmetic_result_drops_trailing_zeros_in_messages()
    {
        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Lit("1.5"), '+', Lit("0.5")));

        Assert.Equal("2 (number)", outcome.Expected);
    }

    [Fact]
    public void Nested_arithmetic_is_evaluated()
    {
        var scope = Scopes.With(("a", "2"), ("b", "3"));

        var outcome = Check("{\"v\": 10}", "v", AssertOperator.Equal, Arith(Arith(Tpl("{{a}}"), '*', Tpl("{{b}}")), '+', Lit("4")), scope);

        Assert.True(outcome.Passed, outcome.Message);
    }

    [Fact]
    public void Template_from_the_command_line_is_read_as_a_number_in_arithmetic_even_when_quoted()
    {
        var scope = Scopes.WithStrings(("before", "9"));

        Assert.True(Check("{\"v\": 10}", "v", AssertOperator.Equal, Arith(Tpl("{{before}}", quoted: true), '+', Lit("1")), scope).Passed);
    }

    [Fact]
    public void Division_by_zero_is_a_failed_assertion_with_a_message()
    {
        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Lit("1"), '/', Lit("0")));

        Assert.False(outcome.Passed);
        Assert.Equal("v: division by zero: 1 / 0", outcome.Message);
    }

    [Fact]
    public void Non_number_operand_is_a_failed_assertion_with_a_message()
    {
        var scope = Scopes.With(("name", "\"abc\""));

        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Tpl("{{name}}"), '+', Lit("1")), scope);

        Assert.False(outcome.Passed);
        Assert.Equal("v: arithmetic needs numbers, got \"abc\" (string)", outcome.Message);
    }

    [Fact]
    public void Decimal_overflow_falls_back_to_double()
    {
        // decimal.MaxValue * 10 overflows decimal; as a double it is about 7.92e29.
        var product = Arith(Lit("79228162514264337593543950335"), '*', Lit("10"));

        Assert.True(Check("{\"v\": 1e30}", "v", AssertOperator.Greater, product).Passed);
        Assert.False(Check("{\"v\": 7e29}", "v", AssertOperator.Greater, product).Passed);
    }

    [Fact]
    public void Double_overflow_is_a_failed_assertion()
    {
        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Lit("1e308"), '*', Lit("1e308")));

        Assert.False(outcome.Passed);
        Assert.Contains("arithmetic overflow", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_arithmetic_operator_is_a_failed_assertion()
    {
        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Lit("1"), '%', Lit("1")));

        Assert.False(outcome.Passed);
        Assert.Contains("unknown arithmetic operator '%'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_variable_in_arithmetic_fails_naming_it()
    {
        var outcome = Check("{\"v\": 1}", "v", AssertOperator.Equal, Arith(Tpl("{{before}}"), '+', Lit("1")));

        Assert.False(outcome.Passed);
        Assert.Contains("'before' is not defined", outcome.Message, StringComparison.Ordinal);
    }
}
