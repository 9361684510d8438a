namespace Pacer.Contracts.Probing;

/// <summary>
/// The outcome of a probe run: findings, what it cost (requests, time), which checks ran, and notes on what could
/// not be checked and why.
/// </summary>
public sealed record ProbeReport(
    string Source,
    Uri BaseUrl,
    IReadOnlyList<ProbeFinding> Findings,
    int RequestsSent,
    int OperationsProbed,
    IReadOnlyList<string> Notes)
{
    public bool Clean => Findings.Count == 0;

    public TimeSpan Duration { get; init; }

    /// <summary>The checks that were selected for the run, in the order they ran.</summary>
    public IReadOnlyList<CheckRun> Checks { get; init; } = [];
}

/// <summary>A check a run selected, with its category (reports list checks that found nothing too).</summary>
public sealed record CheckRun(string Name, OwaspCategory Category);
