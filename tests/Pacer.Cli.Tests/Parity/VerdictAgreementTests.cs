using System.Xml.Linq;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.TestApi;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Parity;

/// <summary>
/// One verdict per run: the exit code, the console, JUnit, Markdown and the HTML badge all read it,
/// for <c>pacer run</c> and <c>pacer load</c>, on a run that misses a budget once, on one whose every
/// connection is refused (latency thresholds and SLAs do not pass when nothing succeeded), and on
/// one that passes.
/// </summary>
public sealed class VerdictAgreementTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public static TheoryData<string, string, bool> Fixtures() => new()
    {
        { "missed-budget", "```kest\n@name Slow\nGET /slow?ms=150\n\n[Asserts]\nstatus == 200\nduration < 20ms\n```\n", false },
        { "refused", "```flow\n@threshold p95<200ms\n```\n\n```kest\n@name Down\nGET http://127.0.0.1:{{refused}}/x\n\n[Asserts]\nduration < 200ms\n```\n", false },
        { "healthy", "```kest\n@name Echo\nGET /echo\n\n[Asserts]\nstatus == 200\nduration < 5s\n```\n", true },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Exit_code_console_junit_markdown_and_html_badge_agree(string name, string flow, bool passes)
    {
        await using var api = await TestApiServer.StartAsync();
        var file = temp.Write($"{name}.flow.md", flow.Replace("{{refused}}", FreePort.Find().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var run = await PacerCli.RunAsync(temp.Path, "run", file, "--base-url", api.BaseUrl, "--no-history",
            "--report", "junit=run.xml", "--report", "markdown=run.md", "--report", "html=run.html");
        var load = await PacerCli.RunAsync(temp.Path, "load", file, "--base-url", api.BaseUrl, "--vus", "1", "--iterations", "3", "--no-history", "--out", "load.json",
            "--report", "junit=load.xml", "--report", "markdown=load.md", "--report", "html=load.html");

        foreach (var (command, outcome) in new[] { ("run", run), ("load", load) })
        {
            Assert.True(outcome.ExitCode == (passes ? 0 : 1), $"{command}: {outcome}");
            Assert.Contains(passes ? "PASSED" : "FAILED", outcome.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(passes ? "FAILED" : "PASSED", outcome.Out, StringComparison.Ordinal);
            var failures = int.Parse(XDocument.Load(temp.Combine($"{command}.xml")).Root!.Attribute("failures")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(passes ? failures == 0 : failures > 0, $"{command}: {failures} JUnit failures");
            Assert.Contains(passes ? "✅ passed" : "❌ failed", await File.ReadAllTextAsync(temp.Combine($"{command}.md"), Ct), StringComparison.Ordinal);
            Assert.Contains($"class=\"verdict {(passes ? "pass" : "fail")}\" data-passed=\"{(passes ? "true" : "false")}\"", await File.ReadAllTextAsync(temp.Combine($"{command}.html"), Ct), StringComparison.Ordinal);
        }

        var result = LoadResultJson.ReadFile(temp.Combine("load.json"));
        Assert.Equal(passes, result.Passed);
        if (name == "refused")
        {
            var latency = Assert.Single(result.Thresholds, t => t.Text == "p95<200ms");
            Assert.False(latency.Passed);
            Assert.StartsWith("no request succeeded", latency.ActualText, StringComparison.Ordinal);
            Assert.False(Assert.Single(result.Steps).Sla!.Met);
        }
    }

    public void Dispose() => temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
