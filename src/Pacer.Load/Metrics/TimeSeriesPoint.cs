namespace Pacer.Load.Metrics;

/// <summary>
/// One second of a run: counts, latency percentiles (nanoseconds), the most VUs active in it,
/// iterations started and dropped, and how much of the second the load lasted (1 except for the
/// last, partial second, whose counts cover only <see cref="LengthSeconds"/>).
/// </summary>
public sealed record TimeSeriesPoint(
    long Second,
    long Requests,
    long Errors,
    long P50,
    long P95,
    long P99,
    int ActiveVus)
{
    public long Iterations { get; init; }

    public long Dropped { get; init; }

    public double LengthSeconds { get; init; } = 1;
}

/// <summary>One second of one step: requests, errors and latency percentiles (nanoseconds).</summary>
public sealed record StepSecond(long Second, long Requests, long Errors, long P50, long P95, long P99);
