using Pacer.Reports.Load;
using Xunit;

namespace Pacer.Reports.Tests.Load;

public sealed class LoadReportTargetTests
{
    [Theory]
    [InlineData("junit=out/load.xml", "junit", "out/load.xml")]
    [InlineData("markdown=summary.md", "markdown", "summary.md")]
    [InlineData("md=summary.md", "markdown", "summary.md")]
    [InlineData("JSON = results.json", "json", "results.json")]
    public void Parses_format_and_path(string text, string format, string path)
    {
        var target = LoadReportTarget.TryParse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(target);
        Assert.Equal(format, target.Writer.Format);
        Assert.Equal(path, target.Path);
    }

    [Theory]
    [InlineData("junit", "--report expects FORMAT=PATH")]
    [InlineData("=x.xml", "--report expects FORMAT=PATH")]
    [InlineData("pdf=x.pdf", "unknown report format 'pdf' for a load run (formats: json, markdown, junit")]
    public void Refuses_what_is_not_a_known_format_with_a_path(string text, string message)
    {
        Assert.Null(LoadReportTarget.TryParse(text, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_report_relative_to_the_given_directory_creating_folders()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pacer-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var target = LoadReportTarget.TryParse("junit=reports/ci/load.xml", out _)!;

            target.Write(SampleLoadResult.Create(), directory);

            Assert.Contains("<testsuites", File.ReadAllText(Path.Combine(directory, "reports", "ci", "load.xml")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Every_registered_writer_writes_something_for_a_run()
    {
        foreach (var writer in LoadReportTarget.Writers)
        {
            using var stream = new MemoryStream();
            writer.Write(SampleLoadResult.Create(), stream);
            Assert.True(stream.Length > 100, $"{writer.Format} wrote {stream.Length} bytes");
        }

        Assert.Equal(LoadReportTarget.Writers.Count, LoadReportTarget.Writers.Select(w => w.Format).Distinct().Count());
    }
}
