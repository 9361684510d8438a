using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Merge;

public sealed class MergeCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Merges_two_result_files_writes_the_merged_file_and_prints_its_summary()
    {
        using var directory = new TempDirectory();
        var all = new LatencyHistogram();
        WriteResult(directory, "a.json", Result(Enumerable.Range(1, 600).Select(i => i * 100_000L), all));
        WriteResult(directory, "b.json", Result(Enumerable.Range(1, 400).Select(i => i * 1_000_000L), all));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "b.json", "--out", "out/merged.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var merged = LoadResultJson.ReadFile(directory.Combine("out/merged.json"));
        Assert.Equal(1000, merged.Summary.Requests);
        Assert.Equal(LatencyMilliseconds.From(all), merged.Summary.LatencyMs);
        Assert.Equal(100, merged.Summary.Rps, 9);
        Assert.Contains("merged 2 result files: a.json, b.json", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("1,000  (100/s)", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("p95<1s", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("merged result: out/merged.json", outcome.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', outcome.Out);
    }

    [Fact]
    public async Task Writes_requested_reports_of_the_merged_run()
    {
        using var directory = new TempDirectory();
        WriteResult(directory, "a.json", Result([1_000_000, 2_000_000]));
        WriteResult(directory, "b.json", Result([3_000_000]));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "b.json", "--report", "junit=ci/load.xml", "--report", "markdown=ci/load.md");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("<testcase name=\"p95&lt;1s\"", File.ReadAllText(directory.Combine("ci/load.xml")), StringComparison.Ordinal);
        Assert.Contains("| 3 |", File.ReadAllText(directory.Combine("ci/load.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_the_merged_run_breaches_fails_the_merge_but_still_writes_it()
    {
        using var directory = new TempDirectory();
        // Each file alone says p95<1s held; together 40% of the requests took 2 s, so the merged p95 is 2 s.
        WriteResult(directory, "a.json", Result(Enumerable.Repeat(1_000_000L, 600)));
        WriteResult(directory, "b.json", Result(Enumerable.Repeat(2_000_000_000L, 400)));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "b.json", "--out", "merged.json");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var merged = LoadResultJson.ReadFile(directory.Combine("merged.json"));
        Assert.False(merged.Passed);
        Assert.False(Assert.Single(merged.Thresholds).Passed);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input_naming_the_file()
    {
        using var directory = new TempDirectory();
        WriteResult(directory, "a.json", Result([1_000_000]));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "missing.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: missing.json: no such result file", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_result_file_is_bad_input_naming_the_file()
    {
        using var directory = new TempDirectory();
        WriteResult(directory, "a.json", Result([1_000_000]));
        directory.Write("junk.json", "{ \"kind\": \"functional\" }");

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "junk.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: junk.json: not a Pacer load result file", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_with_different_histogram_schemes_are_refused()
    {
        using var directory = new TempDirectory();
        WriteResult(directory, "a.json", Result([1_000_000]));
        WriteResult(directory, "b.json", Result([1_000_000], scheme: new HistogramScheme(6, 1_000_000_000_000)));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json", "b.json");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("error: b.json: histogram scheme", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be merged exactly", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_file_is_not_enough_to_merge()
    {
        using var directory = new TempDirectory();
        WriteResult(directory, "a.json", Result([1_000_000]));

        var outcome = await PacerCli.RunAsync(directory.Path, "merge", "a.json");

        Assert.Equal(2, outcome.ExitCode);
    }

    private static void WriteResult(TempDirectory directory, string name, LoadResult result) =>
        LoadResultJson.WriteFile(result, directory.Combine(name));

    /// <summary>A concurrent 10-second run of one step whose requests took <paramref name="latencies"/> nanoseconds.</summary>
    private static LoadResult Result(IEnumerable<long> latencies, LatencyHistogram? alsoInto = null, HistogramScheme? scheme = null)
    {
        var histogram = new LatencyHistogram(scheme ?? HistogramScheme.Default);
        foreach (var latency in latencies)
        {
            histogram.RecordNanoseconds(latency);
            alsoInto?.RecordNanoseconds(latency);
        }

        return new LoadResult
        {
            StartedAt = T0,
            EndedAt = T0.AddSeconds(10),
            DurationSeconds = 10,
            Flows = ["get.flow.md"],
            Passed = true,
            Summary = new LoadResultSummary { Requests = histogram.Count, Rps = histogram.Count / 10.0, LatencyMs = LatencyMilliseconds.From(histogram) },
            Steps = [new LoadStepResult { Name = "Get", Method = "GET", Url = "/", Requests = histogram.Count, LatencyMs = LatencyMilliseconds.From(histogram) }],
            Thresholds = [new ThresholdOutcome { Text = "p95<1s", Metric = "p95", Passed = true }],
            Histograms = new LoadResultHistograms
            {
                Overall = histogram.ToData(),
                Steps = new Dictionary<string, HistogramData> { ["Get"] = histogram.ToData() },
            },
        };
    }
}
