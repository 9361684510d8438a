using System.Text;
using Xunit;

namespace Pacer.Reports.Tests;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Lists_each_flow_in_a_table_and_the_problems_below()
    {
        var text = Write(SampleRun.Create());

        Assert.Contains("| flows/auth.flow.md | ❌ fail | 3 | 1 | 1 | 1 | 42 ms |", text, StringComparison.Ordinal);
        Assert.Contains("| flows/ok.flow.md | ✅ pass | 1 | 1 | 0 | 0 | 5 ms |", text, StringComparison.Ordinal);
        Assert.Contains("### Problems", text, StringComparison.Ordinal);
        Assert.Contains("⏭️ skipped **flows/auth.flow.md** step 3", text, StringComparison.Ordinal);
        Assert.Contains("⚠️ warning", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_run_has_no_problems_section()
    {
        var text = Write(SampleRun.AllPassed());

        Assert.StartsWith("## Pacer run: ✅ passed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Problems", text, StringComparison.Ordinal);
    }

    private static string Write(Pacer.Core.Execution.RunResult run)
    {
        using var stream = new MemoryStream();
        new MarkdownReportWriter().Write(run, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
