using Pacer.Core.Flow.Syntax;
using Pacer.Core.Tests.Assertions.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>Headers are text with no JSON type: numeric headers compare with numbers, everything else as strings.</summary>
public class HeaderAssertionTests
{
    private static readonly Http.ResponseSnapshot Response =
        Responses.Json("{}", headers: [("X-Total-Count", "3"), ("Content-Type-Extra", "application/json"), ("X-Version", "1.0")]);

    [Fact]
    public void Numeric_header_equals_a_number()
    {
        Assert.True(Evaluate(Node("header.X-Total-Count", AssertOperator.Equal, Lit("3")), Response).Passed);
        Assert.True(Evaluate(Node("header.X-Version", AssertOperator.Equal, Lit("1")), Response).Passed);
        var outcome = Evaluate(Node("header.X-Total-Count", AssertOperator.Equal, Lit("4")), Response);
        Assert.False(outcome.Passed);
        Assert.Equal("header.X-Total-Count: expected 4 (number), got \"3\" (string)", outcome.Message);
    }

    [Fact]
    public void Numeric_header_equals_its_text_too()
    {
        Assert.True(Evaluate(Node("header.X-Total-Count", AssertOperator.Equal, Str("3")), Response).Passed);
        Assert.False(Evaluate(Node("header.X-Version", AssertOperator.Equal, Str("1")), Response).Passed);
    }

    [Fact]
    public void Numeric_header_orders_and_is_found_in_number_lists()
    {
        Assert.True(Evaluate(Node("header.X-Total-Count", AssertOperator.Greater, Lit("0")), Response).Passed);
        Assert.True(Evaluate(Node("header.X-Total-Count", AssertOperator.In, List(Lit("1"), Lit("3"))), Response).Passed);
    }

    [Fact]
    public void Non_numeric_header_cannot_be_ordered()
    {
        var outcome = Evaluate(Node("header.Content-Type-Extra", AssertOperator.Less, Lit("1")), Response);

        Assert.False(outcome.Passed);
        Assert.Contains("cannot compare \"application/json\" (string) with <", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_string_operators_work_on_the_text()
    {
        Assert.True(Evaluate(Node("header.Content-Type-Extra", AssertOperator.StartsWith, Str("application/")), Response).Passed);
        Assert.True(Evaluate(Node("header.X-Total-Count", AssertOperator.Matches, Str("^[0-9]+$")), Response).Passed);
    }
}
