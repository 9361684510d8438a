using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance.Checks;

/// <summary>Any case answered with a 5xx the operation does not document (a documented 503 is its contract).</summary>
public sealed class NotAServerErrorCheck : IConformanceCheck
{
    public string Name => "not-a-server-error";

    public string Description => "every case: an undocumented 5xx is a violation";

    public IEnumerable<ContractViolation> Judge(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var documented = result.Case.Documented?.Node["responses"] is System.Text.Json.Nodes.JsonObject responses
            && (responses.ContainsKey(result.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)) || responses.ContainsKey("5XX"));
        if (result.Status >= 500 && !documented)
        {
            yield return result.Violation(Name, "server error", "an answer below 500", $"{result.Status}{result.Excerpt}");
        }
    }
}
