namespace Pacer.Load.Comparison;

/// <summary>The metrics <c>pacer compare</c> looks at, and which way is better for each.</summary>
public enum ComparedMetric
{
    P50,
    P95,
    P99,
    Rps,
    ErrorRate,
}

public static class ComparedMetricExtensions
{
    /// <summary>Latency and errors get better as they fall; throughput as it rises.</summary>
    public static bool LowerIsBetter(this ComparedMetric metric) => metric != ComparedMetric.Rps;

    /// <summary>The name used in tables and docs: <c>p95</c>, <c>rps</c>, <c>errors</c>.</summary>
    public static string Label(this ComparedMetric metric) => metric switch
    {
        ComparedMetric.P50 => "p50",
        ComparedMetric.P95 => "p95",
        ComparedMetric.P99 => "p99",
        ComparedMetric.Rps => "rps",
        ComparedMetric.ErrorRate => "errors",
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };
}
