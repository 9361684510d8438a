using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Runtime;

/// <summary>What the live display gets each tick, read from the same live summary thresholds are judged on.</summary>
internal static class LoadProgressSnapshot
{
    /// <summary>A frame while the load runs: rate, p95 and VUs of the last second that ended.</summary>
    public static LoadProgress Of(
        LoadSummary summary, TimeSeries series, List<LoadExecutor> executors, TimeSpan total, IReadOnlyList<ThresholdResult> thresholds, LoadSchedule schedule)
    {
        var last = series.LastSecond();
        return Frame(summary, total, thresholds, schedule) with
        {
            ActiveVus = last?.ActiveVus ?? TotalActiveVus(executors),
            RequestsPerSecond = last is null ? null : last.Requests / Math.Max(last.LengthSeconds, 0.001),
            P95Ms = last is null || last.Requests == 0 ? null : LatencySummary.ToMilliseconds(last.P95),
            LastSecond = last?.Second,
            TargetRate = last is null ? null : schedule.Target(last.Second, last.Second + 1),
        };
    }

    /// <summary>The frame sent once the load is over: the whole run's rate and p95, the bar full when the schedule ran its course.</summary>
    public static LoadProgress Final(LoadSummary summary, ExecutorResult[] results, TimeSpan total, IReadOnlyList<ThresholdResult> thresholds, LoadSchedule schedule, bool completed)
    {
        var seconds = summary.Elapsed.TotalSeconds;
        return Frame(summary, total, thresholds, schedule) with
        {
            ActiveVus = results.Sum(r => r.PeakVus),
            RequestsPerSecond = seconds <= 0 ? 0 : summary.Overall.Requests / seconds,
            P95Ms = summary.Overall.Latency.Count == 0 ? null : LatencySummary.ToMilliseconds(summary.Overall.Latency.ValueAtPercentile(95)),
            TargetRate = schedule.Target(0, Math.Min(seconds, total.TotalSeconds)),
            Final = true,
            Completed = completed,
        };
    }

    private static LoadProgress Frame(LoadSummary summary, TimeSpan total, IReadOnlyList<ThresholdResult> thresholds, LoadSchedule schedule)
    {
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
            0,
            null,
            null,
            summary.Overall.Requests,
            summary.Overall.FailureCount,
            summary.DroppedIterations,
            steps,
            [.. thresholds.Select(LoadResultBuilder.ToOutcome)])
        {
            OpenModel = schedule.IsOpenModel,
        };
    }

    private static int TotalActiveVus(List<LoadExecutor> executors)
    {
        var total = 0;
        foreach (var executor in executors)
        {
            total += executor.ActiveVus;
        }

        return total;
    }
}
