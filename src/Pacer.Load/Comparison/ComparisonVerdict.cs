namespace Pacer.Load.Comparison;

/// <summary>How the current run stands against its baselines on one metric, one step or overall.</summary>
public enum ComparisonVerdict
{
    /// <summary>Within the noise: neither better than the best baseline nor worse than the worst by more than the tolerance.</summary>
    Same,

    /// <summary>Better than the best baseline by more than the tolerance.</summary>
    Improved,

    /// <summary>Worse than the worst baseline by more than the tolerance.</summary>
    Regressed,
}
