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

    public int ResponsesChecked => ResponsesByOperation.Values.Sum();
}
