namespace Pacer.Load.Metrics;

/// <summary>The usual read-out of a <see cref="LatencyHistogram"/>, in nanoseconds.</summary>
public sealed record LatencySummary(
    long Count,
    long Min,
    long Max,
    double Mean,
    long P50,
    long P90,
    long P95,
    long P99,
    long P999)
{
    public static double ToMilliseconds(long nanoseconds) => nanoseconds / 1_000_000.0;
}
