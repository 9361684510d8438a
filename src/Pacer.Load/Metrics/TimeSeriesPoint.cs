namespace Pacer.Load.Metrics;

/// <summary>One second of a run: counts, latency percentiles (nanoseconds) and the most VUs active in it.</summary>
public sealed record TimeSeriesPoint(
    long Second,
    long Requests,
    long Errors,
    long P50,
    long P95,
    long P99,
    int ActiveVus);
