using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract;

/// <summary>
/// What a contract check found: every violation, how many responses each operation got, and notes on
/// what could not be checked (operations skipped, flow steps that failed for reasons of their own).
/// </summary>
public sealed record ContractOutcome(
    IReadOnlyList<ContractViolation> Violations,
    IReadOnlyDictionary<string, int> ResponsesByOperation,
    IReadOnlyList<string> Notes)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>The seed a generated sweep used (<c>--seed</c> reruns it); null for flows.</summary>
    public int? Seed { get; init; }

    /// <summary>The conformance checks the sweep judged with; empty for flows (the response checks only).</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    public int ResponsesChecked => ResponsesByOperation.Values.Sum();
}
