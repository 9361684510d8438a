namespace Pacer.Load.Comparison;

/// <summary>
/// One step (or, with <see cref="IsOverall"/>, the whole run) compared across runs. A step that only
/// one side has gets no verdict: <see cref="Presence"/> says which side is missing.
/// </summary>
public sealed record StepComparison(string Name, StepPresence Presence, IReadOnlyList<MetricComparison> Metrics)
{
    public const string OverallName = "(overall)";

    public bool IsOverall => Name == OverallName;

    /// <summary>Regressed if any metric regressed; otherwise improved if any improved; otherwise same.</summary>
    public ComparisonVerdict Verdict =>
        Metrics.Any(m => m.Verdict == ComparisonVerdict.Regressed) ? ComparisonVerdict.Regressed
        : Metrics.Any(m => m.Verdict == ComparisonVerdict.Improved) ? ComparisonVerdict.Improved
        : ComparisonVerdict.Same;

    public MetricComparison this[ComparedMetric metric] => Metrics.First(m => m.Metric == metric);
}

/// <summary>Whether a step ran on both sides of a comparison.</summary>
public enum StepPresence
{
    Both,

    /// <summary>In the current run but in no baseline (a new step).</summary>
    OnlyCurrent,

    /// <summary>In a baseline but not in the current run (removed or renamed).</summary>
    OnlyBaseline,
}
