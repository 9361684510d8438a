namespace Pacer.Load.Thresholds;

/// <summary>What a threshold measures: a latency statistic, the error rate, or requests per second.</summary>
public enum ThresholdMetric
{
    P50,
    P90,
    P95,
    P99,
    P999,
    Min,
    Max,
    Avg,
    Errors,
    Rps,
}
