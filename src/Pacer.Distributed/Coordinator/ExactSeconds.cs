using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// The distributed run's time series: every agent's closed seconds, second by second, with their
/// histograms added, so each second's p50/p95/p99 over all agents is exact (a merge of result files
/// can only average them). Agents start together, so their second n is the same second.
/// </summary>
internal sealed class ExactSeconds
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Second> _seconds = [];

    /// <summary>Adds the seconds an agent sent; any it already sent (a resent snapshot) are skipped.</summary>
    public long Add(IEnumerable<TimeSeriesSecond> seconds, long lastSeen)
    {
        lock (_lock)
        {
            foreach (var second in seconds.Where(s => s.Second > lastSeen).OrderBy(s => s.Second))
            {
                if (!_seconds.TryGetValue(second.Second, out var merged))
                {
                    merged = new Second();
                    _seconds[second.Second] = merged;
                }

                merged.Latency.Add(LatencyHistogram.FromData(second.Latency));
                merged.Errors += second.Errors;
                merged.Vus += second.ActiveVus;
                lastSeen = second.Second;
            }

            return lastSeen;
        }
    }

    public LoadTimePoint? At(long second)
    {
        lock (_lock)
        {
            return _seconds.TryGetValue(second, out var merged) ? Point(second, merged) : null;
        }
    }

    public List<LoadTimePoint> Points()
    {
        lock (_lock)
        {
            return [.. _seconds.Select(pair => Point(pair.Key, pair.Value))];
        }
    }

    private static LoadTimePoint Point(long second, Second merged)
    {
        var summary = merged.Latency.Summarize();
        return new LoadTimePoint
        {
            Second = second,
            Requests = summary.Count,
            Errors = merged.Errors,
            P50Ms = LatencySummary.ToMilliseconds(summary.P50),
            P95Ms = LatencySummary.ToMilliseconds(summary.P95),
            P99Ms = LatencySummary.ToMilliseconds(summary.P99),
            Vus = merged.Vus,
        };
    }

    private sealed class Second
    {
        public LatencyHistogram Latency { get; } = new();

        public long Errors { get; set; }

        public int Vus { get; set; }
    }
}
