using Pacer.Reports.Console;
using Xunit;

namespace Pacer.Reports.Tests;

public sealed class ConsoleOutputTests
{
    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, bool expected)
    {
        Assert.Equal(expected, ConsoleStyle.ShouldColor(terminal, name => name == "NO_COLOR" ? noColor : null));
    }

    [Fact]
    public void Plain_style_writes_no_escape_codes_and_colour_style_does()
    {
        Assert.Equal("x", new ConsoleStyle(false).Red("x"));
        Assert.Equal("\u001b[31mx\u001b[0m", new ConsoleStyle(true).Red("x"));
    }

    [Fact]
    public void Failed_step_shows_each_failed_assertion_with_location_and_the_body()
    {
        var failed = SampleRun.Create().Flows[0].Steps[1];
        using var output = new StringWriter();

        new StepPrinter(new ConsoleStyle(false), verbose: false).Print(output, failed);

        var text = output.ToString();
        Assert.Contains("✗ GET http://127.0.0.1:1/api/x  500  13 ms  — Profile", text, StringComparison.Ordinal);
        Assert.Contains("✗ body.code == 0  at flows/auth.flow.md:20:1", text, StringComparison.Ordinal);
        Assert.Contains("expected: 0 (number)", text, StringComparison.Ordinal);
        Assert.Contains("actual:   1 (number)", text, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"nope\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_bodies_are_truncated()
    {
        var failed = SampleRun.Create(failedBody: new string('x', 5000)).Flows[0].Steps[1];
        using var output = new StringWriter();

        new StepPrinter(new ConsoleStyle(false), verbose: false).Print(output, failed);

        Assert.Contains("(3000 more characters)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_table_has_a_row_per_flow_and_totals()
    {
        using var output = new StringWriter();

        SummaryTable.Write(output, new ConsoleStyle(false), SampleRun.Create());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("Flow", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^flows/auth\.flow\.md\s+FAIL\s+3\s+1\s+1\s+1\s+42 ms$", lines[2]);
        Assert.Equal("FAILED  2 file(s), 4 step(s): 2 passed, 1 failed, 1 skipped, 1 warning(s) in 50 ms", lines[^1]);
    }
}
