using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// One thing the API got wrong: the operation as the document names it (<c>POST /orders</c>), what
/// was expected and what came, and the exact request that shows it.
/// </summary>
public sealed record ProbeFinding(
    FindingKind Kind,
    FindingSeverity Severity,
    string Operation,
    string Title,
    string Expected,
    string Got,
    GeneratedRequest Request)
{
    /// <summary>The request as a ready-to-run ```kest block (Pacer's FlowParser reads it).</summary>
    public string Kest => KestBlock.Write(Request, $"{Kind}: {Title}");
}
