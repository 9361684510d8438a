using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>A method the document does not list for a path must be answered 405 with an Allow header (RFC 9110 §15.5.6).</summary>
public sealed class UnsupportedMethodCheck : IConformanceCheck
{
    public string Name => "unsupported-method";

    public string Description => "each path with a method it does not document: anything but 405 with Allow is a violation";

    public IEnumerable<ContractViolation> Judge(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Case.Kind != CaseKind.UnsupportedMethod)
        {
            yield break;
        }

        if (result.Status != 405)
        {
            yield return result.Violation(Name, "method", $"405 for {result.Case.Request.Method}, which the document does not list", $"{result.Status}{result.Excerpt}");
        }
        else if (result.Header("Allow") is null)
        {
            yield return result.Violation(Name, "method", "an Allow header with the 405", "no Allow header");
        }
    }
}
