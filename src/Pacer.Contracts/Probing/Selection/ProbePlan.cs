using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Selection;

/// <summary>The operations of a run: the regular ones, the destructive ones (called last), and what was left out and why.</summary>
public sealed record ProbePlan(IReadOnlyList<ApiOperation> Regular, IReadOnlyList<ApiOperation> Destructive, IReadOnlyList<string> Notes)
{
    public int Count => Regular.Count + Destructive.Count;
}
