using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Pacer.Cli.Tests.TestApi;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Processes;

/// <summary>
/// A run survives its operator: SIGINT (Ctrl-C) or SIGTERM to a real <c>pacer load</c> or
/// <c>pacer monitor</c> stops it within the drain timeout plus 2 s, with exit 3, the summary printed
/// and the result file and every report written.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Allowed = Drain + TimeSpan.FromSeconds(2);

    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public async Task A_signal_stops_pacer_load_with_exit_3_and_everything_it_measured_written(PosixSignal signal)
    {
        await using var api = await TestApiServer.StartAsync();
        temp.Write("ok.flow.md", "```kest\nGET /echo\n\n[Asserts]\nstatus == 200\n```\n");
        await using var pacer = PacerProcess.Start(temp.Path, "load", "ok.flow.md", "--base-url", api.BaseUrl, "--vus", "2", "--duration", "1m",
            "--drain-timeout", "1s", "--out", "r.json", "--report", "junit=junit.xml", "--report", "html=report.html", "--report", "markdown=summary.md", "--no-history");
        await pacer.WaitForOutputAsync("progress", TimeSpan.FromSeconds(60), Ct);

        var signalled = Stopwatch.StartNew();
        pacer.Signal(signal);
        var exit = await pacer.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(exit == 3, $"exit {exit}\n{pacer}");
        Assert.True(signalled.Elapsed < Allowed, $"stopped {signalled.Elapsed.TotalSeconds:0.00}s after the signal\n{pacer}");
        Assert.Contains("load run:", pacer.Out, StringComparison.Ordinal);
        Assert.Contains("results: r.json", pacer.Out, StringComparison.Ordinal);
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal("interrupted", result.Aborted);
        Assert.True(result.Summary.Requests > 0);
        Assert.NotEqual("0", XDocument.Load(temp.Combine("junit.xml")).Root!.Attribute("failures")!.Value);
        Assert.Contains("data-passed=\"false\"", await File.ReadAllTextAsync(temp.Combine("report.html"), Ct), StringComparison.Ordinal);
        Assert.Contains("❌ failed", await File.ReadAllTextAsync(temp.Combine("summary.md"), Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public async Task A_signal_stops_pacer_monitor_with_exit_3_and_its_checks_written(PosixSignal signal)
    {
        await using var api = await TestApiServer.StartAsync();
        temp.Write("ok.flow.md", "```kest\n@name Health\nGET /echo\n\n[Asserts]\nstatus == 200\n```\n");
        await using var pacer = PacerProcess.Start(temp.Path, "monitor", "ok.flow.md", "--base-url", api.BaseUrl, "--every", "200ms",
            "--drain-timeout", "1s", "--out", "checks.json", "--report", "junit=junit.xml");
        await pacer.WaitForOutputAsync("passed", TimeSpan.FromSeconds(60), Ct);

        var signalled = Stopwatch.StartNew();
        pacer.Signal(signal);
        var exit = await pacer.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(exit == 3, $"exit {exit}\n{pacer}");
        Assert.True(signalled.Elapsed < Allowed, $"stopped {signalled.Elapsed.TotalSeconds:0.00}s after the signal\n{pacer}");
        Assert.Matches(@"monitor interrupted after [1-9]\d* check\(s\): all rules passing", pacer.Out);
        Assert.Contains("\"name\": \"Health\"", await File.ReadAllTextAsync(temp.Combine("checks.json"), Ct), StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("junit.xml")));
    }

    public void Dispose() => temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
