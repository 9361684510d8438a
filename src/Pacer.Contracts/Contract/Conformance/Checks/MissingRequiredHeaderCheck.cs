using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>A request without a header the document requires must be refused with a 4xx.</summary>
public sealed class MissingRequiredHeaderCheck : IConformanceCheck
{
    public string Name => "missing-required-header";

    public string Description => "requests without a required header: anything but a 4xx is a violation";

    public IEnumerable<ContractViolation> Judge(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Case.Kind == CaseKind.MissingHeader && result.Status is < 400 or >= 500)
        {
            yield return result.Violation(Name, "missing header accepted", $"a 4xx: {result.Case.Description}", $"{result.Status}{result.Excerpt}");
        }
    }
}
