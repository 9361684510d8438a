namespace Pacer.Contracts.Probing;

/// <summary>The outcome of a probe run: findings, how many requests it took, and what it could not check.</summary>
public sealed record ProbeReport(
    string Source,
    string BaseUrl,
    IReadOnlyList<ProbeFinding> Findings,
    int RequestsSent,
    int OperationsProbed,
    IReadOnlyList<string> Notes)
{
    public bool Clean => Findings.Count == 0;
}
