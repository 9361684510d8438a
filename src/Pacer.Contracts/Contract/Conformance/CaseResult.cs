using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance;

/// <summary>
/// What a case got back: status, headers and body, what the document says of that answer (the response validator's
/// violations), the status its full base request got (for a variant), and the case as a curl line.
/// </summary>
public sealed record CaseResult(
    ConformanceCase Case,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    IReadOnlyList<ContractViolation> ResponseViolations,
    int? BaseStatus,
    string Curl)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A violation of an input check, for this case.</summary>
    public ContractViolation Violation(string check, string keyword, string expected, string actual) =>
        new(Case.Label, Status, keyword, expected, actual) { Check = check, Case = Case.ToString(), Curl = Curl };

    /// <summary>The body's first characters, on one line, for messages.</summary>
    public string Excerpt => Body.Length == 0 ? "" : " " + Probing.Evidence.Excerpt.Shorten(Body, 160);
}
