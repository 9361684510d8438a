using Pacer.TestSupport;
using System.Net.Http;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>What <c>pacer load</c> writes besides its summary: reports, the baseline verdict, history, live metrics.</summary>
public sealed class LoadOutputsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Reports_are_written_in_every_requested_format()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--iterations", "10", "--vus", "2",
            "--threshold", "errors<1%", "--report", "html=out/report.html", "--report", "junit=out/junit.xml", "--report", "markdown=out/summary.md");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("out/report.html")), StringComparison.Ordinal);
        Assert.Contains("errors&lt;1%", File.ReadAllText(temp.Combine("out/junit.xml")), StringComparison.Ordinal);
        Assert.Contains("errors<1%", File.ReadAllText(temp.Combine("out/summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_report_format_is_refused_before_any_load()
    {
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", "http://127.0.0.1:9/", "--report", "pdf=out.pdf");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("pdf", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A baseline from a faster server makes this run a regression: exit 1 even though every
    /// threshold held. The slow endpoint answers after 50 ms, the fast one at once, so p50 grows
    /// far beyond the 10 % tolerance whatever the machine's noise.
    /// </summary>
    [Fact]
    public async Task A_run_slower_than_its_baseline_exits_1_and_the_run_is_recorded_in_history()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("fast.flow.md", LoadCli.OneGet("/ok"));
        var baseline = await LoadCli.RunAsync(temp.Path, "fast.flow.md", "--base-url", server.BaseUrl, "--iterations", "20", "--vus", "1", "--out", "baseline.json", "--no-history");
        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        var baselineResult = LoadResultJson.ReadFile(temp.Combine("baseline.json"));
        temp.Write("fast.flow.md", LoadCli.OneGet("/stall?ms=50"));

        var outcome = await LoadCli.RunAsync(temp.Path, "fast.flow.md", "--base-url", server.BaseUrl, "--iterations", "20", "--vus", "1", "--baseline", "baseline.json");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("regressed", outcome.Out, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(temp.Combine(".pacer/history.db")));
        Assert.True(baselineResult.Summary.LatencyMs.P50 < 50);
    }

    [Fact]
    public async Task Live_metrics_are_served_while_the_load_runs()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));
        var port = FreePort();

        var run = LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--vus", "2", "--duration", "3s", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-history");
        string? scrape = null;
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 50 && scrape?.Contains("pacer_requests_total{", StringComparison.Ordinal) != true; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            try
            {
                scrape = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.NotNull(scrape);
        Assert.Contains("pacer_requests_total{", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_endpoint_counts_dropped_iterations_as_the_progress_line_does()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("stall.flow.md", LoadCli.OneGet("/stall?ms=400"));
        var port = FreePort();

        // One VU for 40 iterations a second, each taking 400 ms: most are dropped.
        var run = LoadCli.RunAsync(temp.Path, "stall.flow.md", "--base-url", server.BaseUrl, "--rate", "40/s", "--max-vus", "1", "--pre-vus", "1",
            "--duration", "3s", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-history", "--threshold", "checks>0%");
        double dropped = 0;
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 60 && dropped == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            try
            {
                var scrape = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), TestContext.Current.CancellationToken);
                var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith("pacer_dropped_iterations_total ", StringComparison.Ordinal));
                dropped = line is null ? 0 : double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or already gone.
            }
        }

        var outcome = await run;
        Assert.True(dropped > 0, $"/metrics never showed a dropped iteration\n{outcome}");
        Assert.Matches(@"dropped=[1-9]", outcome.Out);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => temp.Dispose();
}
