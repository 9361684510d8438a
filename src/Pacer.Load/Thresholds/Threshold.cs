namespace Pacer.Load.Thresholds;

/// <summary>
/// One parsed threshold such as <c>step[Login].p99&lt;800ms</c>. <see cref="Limit"/> is in the
/// metric's unit: nanoseconds for latency, a fraction (0.01 = 1 %) for errors, requests per second for rps.
/// </summary>
public sealed record Threshold(string Text, string? Step, ThresholdMetric Metric, ThresholdOperator Operator, double Limit)
{
    public bool IsLatency => Metric is not (ThresholdMetric.Errors or ThresholdMetric.Rps);

    /// <summary>Whether <paramref name="actual"/> satisfies this threshold.</summary>
    public bool IsMetBy(double actual) => Operator switch
    {
        ThresholdOperator.LessThan => actual < Limit,
        ThresholdOperator.LessThanOrEqual => actual <= Limit,
        ThresholdOperator.GreaterThan => actual > Limit,
        ThresholdOperator.GreaterThanOrEqual => actual >= Limit,
        _ => throw new ArgumentOutOfRangeException(nameof(actual)),
    };

    public override string ToString() => Text;
}
