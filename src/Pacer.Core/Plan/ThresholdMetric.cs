namespace Pacer.Core.Plan;

/// <summary>
/// What a threshold measures: a latency statistic, the error rate (failed requests), the check
/// rate (steps of iterations that passed, skipped ones counting as not passed), or requests per second.
/// </summary>
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
    Checks,
}
