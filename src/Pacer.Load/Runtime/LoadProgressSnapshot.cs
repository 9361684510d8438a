using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>What the live display gets each tick, read from the same live summary thresholds are judged on.</summary>
internal static class LoadProgressSnapshot
{
    public static LoadProgress Of(LoadSummary summary, TimeSeries series, List<LoadExecutor> executors, TimeSpan total, IReadOnlyList<ThresholdResult> thresholds)
    {
        var points = series.Points;
        var last = points.Count > 0 ? points[^1] : null;
        var steps = summary.Steps
            .Select(pair => new LoadProgressStep(
                pair.Key,
                pair.Value.Requests,
                pair.Value.Latency.Count == 0 ? 0 : LatencySummary.ToMilliseconds(pair.Value.Latency.ValueAtPercentile(95)),
                pair.Value.ErrorRate,
                pair.Value.SlaViolations))
            .ToList();
        return new LoadProgress(
            summary.Elapsed,
            total,
            executors.Sum(e => e.ActiveVus),
            last?.Requests ?? 0,
            last is null ? 0 : LatencySummary.ToMilliseconds(last.P95),
            summary.Overall.Requests,
            summary.Overall.FailureCount,
            summary.DroppedIterations,
            steps,
            [.. thresholds.Select(LoadResultBuilder.ToOutcome)]);
    }
}
