using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>The answer's status is one the operation documents (exactly, as a range, or by <c>default</c>).</summary>
public sealed class StatusCodeConformanceCheck : IConformanceCheck
{
    public string Name => "status-code-conformance";

    public string Description => "every answer, errors included: its status is documented for the operation";

    public IEnumerable<ContractViolation> Judge(CaseResult result) => ResponseConformance.Of(result, Name);
}
