namespace Pacer.Load.Results;

/// <summary>
/// The comparison with baselines a run was judged against (<c>pacer load --baseline</c>), kept in
/// the result file so its reports (the HTML page's "Against the baseline" section) can be rebuilt
/// from the file alone. Latency in ms, rps per second, error rates as 0–1 fractions.
/// </summary>
public sealed record LoadComparison
{
    /// <summary>How much worse than the worst baseline counts as a regression (0.10 is 10 %).</summary>
    public double Tolerance { get; init; }

    /// <summary><c>same</c>, <c>improved</c> or <c>regressed</c>.</summary>
    public string Verdict { get; init; } = "same";

    /// <summary>Why the runs are not like for like (different executors or settings), one sentence each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<ComparedBaseline> Baselines { get; init; } = [];

    /// <summary>One row per step (<c>(overall)</c> first) and metric.</summary>
    public IReadOnlyList<ComparedValue> Metrics { get; init; } = [];
}

/// <summary>A baseline run, as the comparison names it.</summary>
public sealed record ComparedBaseline
{
    public DateTimeOffset StartedAt { get; init; }

    public LoadExecutorInfo Executor { get; init; } = new();

    public long Requests { get; init; }

    public double Rps { get; init; }
}

/// <summary>One metric of one step against the baselines.</summary>
public sealed record ComparedValue
{
    public string Step { get; init; } = "";

    /// <summary><c>p50</c>, <c>p95</c>, <c>p99</c>, <c>rps</c>, <c>errors</c>; empty for a step only one side has.</summary>
    public string Metric { get; init; } = "";

    public IReadOnlyList<double> Baselines { get; init; } = [];

    public double? Current { get; init; }

    /// <summary>Current against the baselines' mean, in percent.</summary>
    public double? ChangePercent { get; init; }

    /// <summary><c>same</c>, <c>improved</c>, <c>regressed</c>, <c>no data</c>, <c>new step</c> or <c>missing in current</c>.</summary>
    public string Verdict { get; init; } = "same";
}
