using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>The answer's content type is one the documented response lists; a response documented empty comes empty.</summary>
public sealed class ContentTypeConformanceCheck : IConformanceCheck
{
    public string Name => "content-type-conformance";

    public string Description => "every answer, errors included: its content type is documented for its status";

    public IEnumerable<ContractViolation> Judge(CaseResult result) => ResponseConformance.Of(result, Name);
}
