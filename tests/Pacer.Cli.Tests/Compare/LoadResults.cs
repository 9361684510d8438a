using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Cli.Tests.Compare;

/// <summary>Load result files as a run would write them: latencies recorded into real histograms, percentiles read back.</summary>
internal static class LoadResults
{
    /// <summary>One step, <paramref name="requests"/> latencies spread evenly between the two bounds, over 10 seconds.</summary>
    public static LoadResult Create(string step, double fromMs, double toMs, int requests = 200, long failures = 0, DateTimeOffset? startedAt = null)
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < requests; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(fromMs + ((toMs - fromMs) * i / (requests - 1))));
        }

        var summary = histogram.Summarize();
        var latency = new LatencyMilliseconds
        {
            Min = LatencySummary.ToMilliseconds(summary.Min),
            P50 = LatencySummary.ToMilliseconds(summary.P50),
            P90 = LatencySummary.ToMilliseconds(summary.P90),
            P95 = LatencySummary.ToMilliseconds(summary.P95),
            P99 = LatencySummary.ToMilliseconds(summary.P99),
            Max = LatencySummary.ToMilliseconds(summary.Max),
            Mean = summary.Mean / 1e6,
        };
        var start = startedAt ?? new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        return new LoadResult
        {
            StartedAt = start,
            EndedAt = start.AddSeconds(10),
            DurationSeconds = 10,
            Flows = ["checkout.flow.md"],
            Environment = "staging",
            Passed = failures == 0,
            Summary = new LoadResultSummary
            {
                Requests = requests,
                Failures = failures,
                Rps = requests / 10.0,
                ErrorRate = (double)failures / requests,
                LatencyMs = latency,
            },
            Steps = [new LoadStepResult { Name = step, Flow = "checkout.flow.md", Requests = requests, Failures = failures, Rps = requests / 10.0, ErrorRate = (double)failures / requests, LatencyMs = latency }],
            Histograms = new LoadResultHistograms { Overall = histogram.ToData(), Steps = new Dictionary<string, HistogramData> { [step] = histogram.ToData() } },
        };
    }
}
