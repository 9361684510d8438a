using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>How a load run ends early (Ctrl-C, --abort-on-fail) and how the open model reports a stalled server.</summary>
public sealed class StoppingTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Ctrl_c_stops_the_load_and_still_writes_the_summary_and_the_file_with_exit_3()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ctrlC.CancelAfter(TimeSpan.FromMilliseconds(1500));

        var started = DateTime.UtcNow;
        var outcome = await LoadCli.RunAsync(temp.Path, ctrlC.Token, "ok.flow.md", "--base-url", server.BaseUrl, "--vus", "2", "--duration", "1m", "--out", "r.json");

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the run stopped long before its minute");
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal("interrupted", result.Aborted);
        Assert.False(result.Passed);
        Assert.True(result.Summary.Requests > 0);
        Assert.Contains("requests", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_on_fail_stops_at_the_first_breach_and_records_why()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("bad.flow.md", "```kest\nGET /status/500\n```");

        var started = DateTime.UtcNow;
        var outcome = await LoadCli.RunAsync(temp.Path, "bad.flow.md", "--base-url", server.BaseUrl, "--vus", "2", "--duration", "1m",
            "--threshold", "errors<10%", "--abort-on-fail", "--out", "r.json");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Contains("errors<10%", result.Aborted, StringComparison.Ordinal);
        Assert.False(Assert.Single(result.Thresholds).Passed);
    }

    [Fact]
    public async Task Open_model_counts_latency_from_the_scheduled_start_so_a_stall_shows_in_p99()
    {
        await using var server = await LoadTargetServer.StartAsync();
        // One VU only: while it waits on the 600 ms stall, the iterations due meanwhile are dropped,
        // and the one that started late is measured from when it was due.
        temp.Write("stall.flow.md", LoadCli.OneGet("/stall?ms=600"));

        var outcome = await LoadCli.RunAsync(temp.Path, "stall.flow.md", "--base-url", server.BaseUrl, "--rate", "10/s", "--duration", "1s",
            "--pre-vus", "1", "--max-vus", "1", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var summary = LoadResultJson.ReadFile(temp.Combine("r.json")).Summary;
        Assert.True(summary.LatencyMs.P99 >= 600, $"p99 {summary.LatencyMs.P99} ms");
        Assert.True(summary.Iterations.Dropped > 0, "iterations found no free VU and were dropped");
    }

    public void Dispose() => temp.Dispose();
}
