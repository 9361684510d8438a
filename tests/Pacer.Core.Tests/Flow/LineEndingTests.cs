using Pacer.Core.Flow;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class LineEndingTests
{
    private const string Flow = "## Orders\n\n```kest\nPOST /orders\nContent-Type: application/json\n\n{\n  \"sku\": \"{{sku}}\"\n}\n\n[Asserts]\nstatus == 201\n```\n";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Crlf_and_cr_files_parse_like_lf_files(string newline)
    {
        var step = Assert.Single(Parse(Flow.Replace("\n", newline, StringComparison.Ordinal)).Steps);

        Assert.Equal("Orders", step.Name);
        Assert.Equal("{\n  \"sku\": \"{{sku}}\"\n}", step.Body!.Raw);
        Assert.Equal("status == 201", Assert.Single(step.Assertions).Text);
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_line()
    {
        var document = Parse("\uFEFF# Title\n\n```kest\nGET /x\n```\n");

        Assert.Equal("Title", Assert.Single(document.Steps).Name);
    }

    [Fact]
    public void Byte_order_mark_does_not_shift_columns()
    {
        var diagnostic = SingleDiagnostic("\uFEFF```kest\nGET /x\n```\n\n```kest\nGRAB /y\n```\n");

        AssertAt(diagnostic, DiagnosticCodes.UnknownMethod, 6, 1);
    }

    [Fact]
    public void Tabs_separate_like_spaces_and_count_as_one_column()
    {
        var step = Step("GET\t/x\n\n[Asserts]\n\tstatus\t==\t200");

        Assert.Equal("/x", step.Url.Raw);
        Assert.Equal((5, 2), (step.Assertions[0].Span.Line, step.Assertions[0].Span.Column));
    }

    [Fact]
    public void Crlf_diagnostics_keep_their_columns()
    {
        var diagnostic = SingleDiagnostic("```kest\r\nGET /x\r\n\r\n[Asserts]\r\nstatus === 200\r\n```\r\n");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 8);
    }

    [Fact]
    public void Empty_and_whitespace_files_are_empty_flows()
    {
        Assert.Empty(Parse("").Steps);
        Assert.Empty(Parse(" \n\t\r\n").Steps);
    }
}
