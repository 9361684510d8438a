namespace Pacer.Load.Comparison;

/// <summary>
/// One metric of one step (or the whole run): every baseline's value, the current value and the
/// verdict. Latency is in milliseconds, rps per second, the error rate a 0–1 fraction.
/// <see cref="Current"/> or <see cref="Baselines"/> are empty/null when that side had no data
/// (no requests), and the verdict is then <see cref="ComparisonVerdict.Same"/>.
/// </summary>
public sealed record MetricComparison(
    ComparedMetric Metric,
    IReadOnlyList<double> Baselines,
    double? Current,
    ComparisonVerdict Verdict)
{
    public bool HasData => Current is not null && Baselines.Count > 0;

    /// <summary>The mean of the baselines, what the change is reported against.</summary>
    public double? BaselineMean => Baselines.Count == 0 ? null : Baselines.Average();

    /// <summary>The worst baseline: highest latency or error rate, lowest rps.</summary>
    public double? WorstBaseline => Baselines.Count == 0 ? null : Metric.LowerIsBetter() ? Baselines.Max() : Baselines.Min();

    /// <summary>The best baseline: lowest latency or error rate, highest rps.</summary>
    public double? BestBaseline => Baselines.Count == 0 ? null : Metric.LowerIsBetter() ? Baselines.Min() : Baselines.Max();

    /// <summary>Current against the baseline mean, in percent (+12.5 means 12.5 % higher); 0 when both are 0; null when only the mean is 0 or a side has no data.</summary>
    public double? ChangePercent => (Current, BaselineMean) switch
    {
        ({ } current, { } mean) when current == mean => 0,
        ({ } current, { } mean) when mean != 0 => (current - mean) / mean * 100,
        _ => null,
    };

    /// <summary>How far apart the baselines are, in percent of their mean: the noise the verdict already tolerates.</summary>
    public double? SpreadPercent =>
        BaselineMean is { } mean && mean != 0 ? (Baselines.Max() - Baselines.Min()) / mean * 100 : null;
}
