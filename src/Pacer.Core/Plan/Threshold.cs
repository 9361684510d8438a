namespace Pacer.Core.Plan;

/// <summary>
/// One parsed threshold such as <c>step[Login].p99&lt;800ms</c>. <see cref="Limit"/> is in the
/// metric's unit: nanoseconds for latency, a fraction (0.01 = 1 %) for errors and checks, requests
/// per second for rps. <see cref="Implicit"/> marks the rule Pacer adds itself when a load run names
/// no threshold on checks or errors (see docs/load-engine.md, "One verdict").
/// </summary>
public sealed record Threshold(string Text, string? Step, ThresholdMetric Metric, ThresholdOperator Operator, double Limit)
{
    public bool IsLatency => Metric is not (ThresholdMetric.Errors or ThresholdMetric.Checks or ThresholdMetric.Rps);

    /// <summary>True for a rule about failures (errors or checks): naming one replaces the implicit <c>checks==100%</c>.</summary>
    public bool IsFailureRate => Metric is ThresholdMetric.Errors or ThresholdMetric.Checks;

    public bool Implicit { get; init; }

    /// <summary>Whether <paramref name="actual"/> satisfies this threshold.</summary>
    public bool IsMetBy(double actual) => Operator switch
    {
        ThresholdOperator.LessThan => actual < Limit,
        ThresholdOperator.LessThanOrEqual => actual <= Limit,
        ThresholdOperator.GreaterThan => actual > Limit,
        ThresholdOperator.GreaterThanOrEqual => actual >= Limit,
        ThresholdOperator.Equal => Math.Abs(actual - Limit) < 1e-12,
        _ => throw new ArgumentOutOfRangeException(nameof(actual)),
    };

    /// <summary>The rule a load run gets when it names no threshold on checks or errors: every check must pass, as in <c>pacer run</c>.</summary>
    public static Threshold AllChecksPass { get; } = new("checks==100%", null, ThresholdMetric.Checks, ThresholdOperator.Equal, 1) { Implicit = true };

    public override string ToString() => Text;
}
