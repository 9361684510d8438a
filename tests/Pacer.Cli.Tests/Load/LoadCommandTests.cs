using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary><c>pacer load</c> end to end: each executor against a live Kestrel target, the result file, exit codes.</summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Constant_vus_runs_the_flow_for_the_duration_and_passes_its_thresholds()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--vus", "4", "--duration", "1s",
            "--threshold", "errors<1%", "--threshold", "p99<5s", "--out", "out/results.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("out/results.json"));
        Assert.Equal("constant-vus", result.Executor.Type);
        Assert.Equal("engine", result.Transport.Kind);
        Assert.True(result.Summary.Requests > 10, $"requests {result.Summary.Requests}");
        Assert.Equal(0, result.Summary.Failures);
        Assert.True(result.Summary.Rps > 0);
        Assert.True(result.Summary.BytesIn > 0 && result.Summary.BytesOut > 0);
        Assert.All(result.Thresholds, t => Assert.True(t.Passed, t.Text));
        Assert.True(result.Passed);
        Assert.Contains("pass", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breached_threshold_exits_1_and_lists_every_threshold_with_its_actual_value()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--iterations", "20", "--vus", "2",
            "--threshold", "p50<1us", "--threshold", "errors<1%");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("FAIL  p50<1us", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("pass  errors<1%", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_file_has_the_documented_snake_case_fields()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok", "status == 200\nduration < 10s"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--iterations", "30", "--vus", "3", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(temp.Combine("r.json")))!;
        var summary = json["summary"]!;
        Assert.Equal(30, summary["requests"]!.GetValue<long>());
        Assert.Equal(0, summary["failures"]!.GetValue<long>());
        Assert.NotNull(summary["rps"]);
        foreach (var key in new[] { "min", "p50", "p90", "p95", "p99", "max", "mean" })
        {
            Assert.True(summary["latency_ms"]![key]!.GetValue<double>() > 0, key);
        }

        var step = json["steps"]![0]!;
        Assert.Equal("GET", step["method"]!.GetValue<string>());
        Assert.Equal(10_000, step["sla"]!["budget_ms"]!.GetValue<double>());
        Assert.Equal(0, step["sla"]!["violations"]!.GetValue<long>());
        Assert.Equal(30, json["histograms"]!["overall"]!["count"]!.GetValue<long>());
        Assert.NotNull(json["time_series"]);
        Assert.NotNull(json["thresholds"]);

        // Round trip: the histogram in the file gives back the summary's percentiles.
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        var histogram = Pacer.Load.Metrics.LatencyHistogram.FromData(result.Histograms.Overall!);
        Assert.Equal(result.Summary.LatencyMs.P95, histogram.ValueAtPercentile(95) / 1e6, 6);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_column_of_the_mistake()
    {
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        string[] target = ["--base-url", "http://127.0.0.1:9"];
        var threshold = await LoadCli.RunAsync(temp.Path, ["ok.flow.md", .. target, "--vus", "2", "--duration", "1s", "--threshold", "p95<<150ms"]);
        var stages = await LoadCli.RunAsync(temp.Path, ["ok.flow.md", .. target, "--stages", "1s:0->5, x:3"]);
        var both = await LoadCli.RunAsync(temp.Path, ["ok.flow.md", .. target, "--rate", "10/s", "--stages", "1s:5", "--duration", "1s"]);
        var rate = await LoadCli.RunAsync(temp.Path, ["ok.flow.md", .. target, "--rate", "fast", "--duration", "1s"]);

        Assert.True(threshold.ExitCode == 2, threshold.ToString());
        Assert.Contains("column", threshold.Error, StringComparison.Ordinal);
        Assert.Contains("^", threshold.Error, StringComparison.Ordinal);
        Assert.True(stages.ExitCode == 2, stages.ToString());
        Assert.Contains("^", stages.Error, StringComparison.Ordinal);
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("choose one", both.Error, StringComparison.Ordinal);
        Assert.True(rate.ExitCode == 2, rate.ToString());
        Assert.Contains("--rate", rate.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
