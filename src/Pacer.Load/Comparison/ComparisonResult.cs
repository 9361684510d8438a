namespace Pacer.Load.Comparison;

/// <summary>What <see cref="BaselineComparison.Compare"/> found: the whole run, then each step.</summary>
public sealed record ComparisonResult(
    double Tolerance,
    int BaselineCount,
    StepComparison Overall,
    IReadOnlyList<StepComparison> Steps)
{
    /// <summary>What makes the runs not like for like (different executors or settings), one sentence each; empty when they were driven alike.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when the overall run or any step regressed: <c>pacer compare</c> exits 1.</summary>
    public bool Regressed =>
        Overall.Verdict == ComparisonVerdict.Regressed || Steps.Any(s => s.Verdict == ComparisonVerdict.Regressed);

    /// <summary>The overall verdict: regressed anywhere wins, then improved overall, else same.</summary>
    public ComparisonVerdict Verdict =>
        Regressed ? ComparisonVerdict.Regressed : Overall.Verdict;
}
