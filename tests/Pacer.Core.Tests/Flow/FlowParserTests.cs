using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Core.Tests.Flow;

public class FlowParserTests
{
    private const string TwoBrokenSteps = "```kest\nGET /ok\n```\n\n```kest\nGET /x\n[Asserts]\nstatus === 1\n```\n\n```kest\nGRAB /y\n```\n";

    [Fact]
    public void Parse_gives_no_document_when_there_are_errors()
    {
        var result = FlowParser.Parse("f.md", TwoBrokenSteps);

        Assert.True(result.HasErrors);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Reports_every_error_in_the_file_in_position_order()
    {
        var result = FlowParser.Parse("f.md", TwoBrokenSteps);

        Assert.Equal(
            [(DiagnosticCodes.InvalidAssertion, 8), (DiagnosticCodes.UnknownMethod, 12)],
            result.Diagnostics.Select(d => (d.Code, d.Span.Line)));
        Assert.All(result.Diagnostics, d => Assert.Equal("f.md", d.Span.File));
    }

    [Fact]
    public void ParseAll_keeps_the_steps_that_did_parse()
    {
        var (document, diagnostics) = FlowParser.ParseAll("f.md", TwoBrokenSteps);

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(["/ok", "/x"], document.Steps.Select(s => s.Url.Raw));
        Assert.Empty(document.Steps[1].Assertions);
    }

    [Fact]
    public void Document_carries_the_path()
    {
        var result = FlowParser.Parse("flows/a.flow.md", "```kest\nGET /x\n```\n");

        Assert.Equal("flows/a.flow.md", result.Document!.Path);
        Assert.Equal("flows/a.flow.md", result.Document.Steps[0].Url.Span.File);
    }

    [Fact]
    public void Null_text_is_an_empty_flow()
    {
        var (document, diagnostics) = FlowParser.ParseAll("f.md", null);

        Assert.Empty(document.Steps);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Position_of_an_offset_on_the_first_line_counts_from_the_span_column()
    {
        var template = new Template("ab\ncd{{x}}", [], new SourceSpan("f.md", 10, 5, 9));

        Assert.Equal(new SourceSpan("f.md", 10, 6, 0), template.PositionOf(1));
        Assert.Equal(new SourceSpan("f.md", 11, 1, 0), template.PositionOf(3));
        Assert.Equal(new SourceSpan("f.md", 11, 3, 5), template.PositionOf(5, 5));
        Assert.Equal(new SourceSpan("f.md", 11, 8, 0), template.PositionOf(99));
    }
}
