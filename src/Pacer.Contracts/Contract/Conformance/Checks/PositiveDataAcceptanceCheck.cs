using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>
/// A request the document allows must not be refused as invalid (400, 415, 422). The base request (required inputs only)
/// is judged on 400 and 415 alone (a 422 there is usually about data, such as an unknown id); a variant that changes one
/// thing is a violation when it is refused as invalid while the base was not — the change the document allows is what
/// the API refuses. And when the base was refused but the same request with one optional input added is accepted, that
/// input is required in practice though the document calls it optional. 401, 403, 404, 409, 412, 428 and 429 are about
/// who and what state, not the input, and never count.
/// </summary>
public sealed class PositiveDataAcceptanceCheck : IConformanceCheck
{
    private static readonly int[] Invalid = [400, 415, 422];

    public string Name => "positive-data-acceptance";

    public string Description => "requests the document allows: refused as invalid (400/415/422) where the full request was not is a violation";

    public IEnumerable<ContractViolation> Judge(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Case.Kind != CaseKind.Positive)
        {
            yield break;
        }

        if (result.Case.Base is not null && result.Case.Description.StartsWith("with optional ", StringComparison.Ordinal)
            && result.BaseStatus is 400 or 415 or 422 && result.Status is >= 200 and < 300)
        {
            var input = result.Case.Description["with optional ".Length..].Split(" = ")[0];
            yield return result.Violation(Name, "optional input required", $"the request without {input} accepted: the document makes it optional",
                $"{result.BaseStatus} without it, {result.Status} with it");
            yield break;
        }

        var refused = result.Case.Base is null ? result.Status is 400 or 415 : Invalid.Contains(result.Status) && result.BaseStatus is { } b && !Invalid.Contains(b) && b < 500;
        if (refused)
        {
            var compared = result.BaseStatus is { } full ? $" (the base request got {full})" : "";
            yield return result.Violation(Name, "valid input refused", $"not refused as invalid: the document allows {result.Case.Description}", $"{result.Status}{compared}{result.Excerpt}");
        }
    }
}
