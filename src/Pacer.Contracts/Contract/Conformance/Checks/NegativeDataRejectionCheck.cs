using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>A request the document forbids (one thing made invalid) must not be accepted with a 2xx.</summary>
public sealed class NegativeDataRejectionCheck : IConformanceCheck
{
    public string Name => "negative-data-rejection";

    public string Description => "requests the document forbids: accepted with a 2xx is a violation";

    public IEnumerable<ContractViolation> Judge(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Case.Kind == CaseKind.Negative && result.Status is >= 200 and < 300)
        {
            yield return result.Violation(Name, "invalid input accepted", $"a 4xx: the document forbids {result.Case.Description}", $"{result.Status}{result.Excerpt}");
        }
    }
}
