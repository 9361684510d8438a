using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Load.Tests.Comparison;

/// <summary>
/// Builds a <see cref="LoadResult"/> the way a run would: latencies are recorded into real
/// <see cref="LatencyHistogram"/>s and every percentile in the file is read back from them.
/// </summary>
public sealed class LoadResultBuilder
{
    private readonly double durationSeconds;
    private readonly List<(string Name, LatencyHistogram Histogram, long Failures)> steps = [];

    public LoadResultBuilder(double durationSeconds = 10) => this.durationSeconds = durationSeconds;

    /// <summary>Adds a step whose requests took <paramref name="latenciesMs"/>, of which <paramref name="failures"/> failed.</summary>
    public LoadResultBuilder Step(string name, IEnumerable<double> latenciesMs, long failures = 0)
    {
        var histogram = new LatencyHistogram();
        foreach (var latency in latenciesMs)
        {
            histogram.Record(TimeSpan.FromMilliseconds(latency));
        }

        steps.Add((name, histogram, failures));
        return this;
    }

    /// <summary><paramref name="count"/> requests spread evenly from <paramref name="fromMs"/> to <paramref name="toMs"/>.</summary>
    public static IEnumerable<double> Spread(double fromMs, double toMs, int count = 200) =>
        Enumerable.Range(0, count).Select(i => fromMs + ((toMs - fromMs) * i / (count - 1)));

    public LoadResult Build()
    {
        var overall = new LatencyHistogram();
        foreach (var step in steps)
        {
            overall.Add(step.Histogram);
        }

        var requests = overall.Count;
        var failures = steps.Sum(s => s.Failures);
        return new LoadResult
        {
            StartedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero),
            EndedAt = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(durationSeconds),
            DurationSeconds = durationSeconds,
            Flows = ["checkout.flow.md"],
            Passed = true,
            Summary = new LoadResultSummary
            {
                Requests = requests,
                Failures = failures,
                Rps = requests / durationSeconds,
                ErrorRate = requests == 0 ? 0 : (double)failures / requests,
                LatencyMs = Milliseconds(overall),
            },
            Steps = [.. steps.Select(s => new LoadStepResult
            {
                Name = s.Name,
                Flow = "checkout.flow.md",
                Requests = s.Histogram.Count,
                Failures = s.Failures,
                Rps = s.Histogram.Count / durationSeconds,
                ErrorRate = s.Histogram.Count == 0 ? 0 : (double)s.Failures / s.Histogram.Count,
                LatencyMs = Milliseconds(s.Histogram),
            })],
            Histograms = new LoadResultHistograms
            {
                Overall = overall.ToData(),
                Steps = steps.ToDictionary(s => s.Name, s => s.Histogram.ToData()),
            },
        };
    }

    private static LatencyMilliseconds Milliseconds(LatencyHistogram histogram)
    {
        var summary = histogram.Summarize();
        return new LatencyMilliseconds
        {
            Min = LatencySummary.ToMilliseconds(summary.Min),
            P50 = LatencySummary.ToMilliseconds(summary.P50),
            P90 = LatencySummary.ToMilliseconds(summary.P90),
            P95 = LatencySummary.ToMilliseconds(summary.P95),
            P99 = LatencySummary.ToMilliseconds(summary.P99),
            P999 = LatencySummary.ToMilliseconds(summary.P999),
            Max = LatencySummary.ToMilliseconds(summary.Max),
            Mean = summary.Mean / 1e6,
        };
    }
}
