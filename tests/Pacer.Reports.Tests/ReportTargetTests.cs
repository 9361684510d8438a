using Xunit;

namespace Pacer.Reports.Tests;

public sealed class ReportTargetTests
{
    [Theory]
    [InlineData("json=out/run.json", "json", "out/run.json")]
    [InlineData("junit=junit.xml", "junit", "junit.xml")]
    [InlineData("markdown=summary.md", "markdown", "summary.md")]
    [InlineData("md=summary.md", "markdown", "summary.md")]
    [InlineData("JUnit=a=b.xml", "junit", "a=b.xml")]
    public void Parses_format_and_path(string text, string format, string path)
    {
        var target = ReportTarget.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal((format, path), (target!.Writer.Format, target.Path));
    }

    [Theory]
    [InlineData("pdf=out.pdf", "unknown report format 'pdf'")]
    [InlineData("out.json", "expects FORMAT=PATH")]
    [InlineData("json=", "expects FORMAT=PATH")]
    public void Rejects_bad_targets_with_a_reason(string text, string reason)
    {
        Assert.Null(ReportTarget.TryParse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_creates_parent_directories()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pacer-report-tests", Guid.NewGuid().ToString("N"));
        var target = ReportTarget.TryParse($"json={Path.Combine(directory, "a", "b", "run.json")}", out _)!;

        target.Write(SampleRun.Create());

        Assert.True(File.Exists(Path.Combine(directory, "a", "b", "run.json")));
        Directory.Delete(directory, recursive: true);
    }
}
