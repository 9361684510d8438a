using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>The answer's JSON body validates against the documented schema for its status and content type.</summary>
public sealed class ResponseSchemaConformanceCheck : IConformanceCheck
{
    public string Name => "response-schema-conformance";

    public string Description => "every answer, errors included: its JSON body validates against the documented schema";

    public IEnumerable<ContractViolation> Judge(CaseResult result) => ResponseConformance.Of(result, Name);
}
