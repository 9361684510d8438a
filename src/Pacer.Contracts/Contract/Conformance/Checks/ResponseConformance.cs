using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>The response validator's violations of one kind, with the case and its curl line attached.</summary>
internal static class ResponseConformance
{
    public static IEnumerable<ContractViolation> Of(CaseResult result, string check)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ResponseViolations.Where(v => v.Check == check).Select(v => v with { Case = result.Case.ToString(), Curl = result.Curl });
    }
}
