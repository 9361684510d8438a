using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Core.Tests.Flow;

public class DiagnosticRendererTests
{
    [Fact]
    public void Renders_location_line_caret_span_and_suggestion()
    {
        const string text = "```kest\nGET /x\n\n[Assert]\nstatus == 200\n```\n";
        var diagnostic = Assert.Single(FlowParser.Parse("flows/login.flow.md", text).Diagnostics);

        var rendered = DiagnosticRenderer.Render(diagnostic, text);

        Assert.Equal(
            """
            flows/login.flow.md:4:1: error PACER005: unknown section `[Assert]` (known: [Queries], [Headers], [Body], [Data], [Captures], [Asserts], [Soft Asserts])
                4 | [Assert]
                  | ^~~~~~~~
                  = help: did you mean `[Asserts]`?
            """.ReplaceLineEndings("\n"),
            rendered);
    }

    [Fact]
    public void Renders_a_caret_in_the_middle_of_the_line()
    {
        const string text = "```kest\nGET /x\n\n[Asserts]\nstatus === 200\n```\n";
        var diagnostic = Assert.Single(FlowParser.Parse("a.flow.md", text).Diagnostics);

        Assert.Equal(
            "a.flow.md:5:8: error PACER012: unknown operator `===`\n"
            + "    5 | status === 200\n"
            + "      |        ^~~\n"
            + "      = help: did you mean `==`?",
            DiagnosticRenderer.Render(diagnostic, text));
    }

    [Fact]
    public void Renders_warnings_without_suggestion()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Warning, "PACER017", "not JSON", new SourceSpan("b.md", 2, 3, 1));

        Assert.Equal("b.md:2:3: warning PACER017: not JSON\n    2 | {oops}\n      |   ^", DiagnosticRenderer.Render(diagnostic, "x\r\n{oops}\r\n"));
    }

    [Fact]
    public void Keeps_tabs_so_the_caret_lines_up()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "PACER012", "bad", new SourceSpan("t.md", 1, 3, 2));

        Assert.Equal("t.md:1:3: error PACER012: bad\n    1 | \t\tab\n      | \t\t^~", DiagnosticRenderer.Render(diagnostic, "\t\tab"));
    }

    [Fact]
    public void Pads_the_gutter_for_large_line_numbers()
    {
        var text = string.Concat(Enumerable.Repeat("x\n", 12345)) + "last";
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "PACER001", "m", new SourceSpan("big.md", 12346, 1, 4));

        Assert.Equal("big.md:12346:1: error PACER001: m\n 12346 | last\n       | ^~~~", DiagnosticRenderer.Render(diagnostic, text));
    }

    [Fact]
    public void Renders_only_the_header_when_the_line_is_outside_the_text()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "PACER018", "gone", new SourceSpan("c.md", 40, 1, 1), "x");

        Assert.Equal("c.md:40:1: error PACER018: gone\n      = help: did you mean `x`?", DiagnosticRenderer.Render(diagnostic, "one line"));
    }

    [Fact]
    public void Caret_stops_at_the_end_of_the_line()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, "PACER014", "m", new SourceSpan("d.md", 1, 4, 50));

        Assert.EndsWith("|    ^~", DiagnosticRenderer.Render(diagnostic, "ab {{"), StringComparison.Ordinal);
    }
}
