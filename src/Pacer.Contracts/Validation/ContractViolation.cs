using Pacer.Contracts.Schema;

namespace Pacer.Contracts.Validation;

/// <summary>
/// What a response got wrong against its operation: an undocumented operation or status, a content type
/// the operation does not list, or a body that breaks the schema (<see cref="Schema"/> then says where).
/// <see cref="ToString"/> is the one line printed everywhere: CLI, step failures, test exceptions.
/// </summary>
public sealed record ContractViolation(string Operation, int Status, string Keyword, string Expected, string Actual, SchemaViolation? Schema = null)
{
    /// <summary>
    /// The conformance check that found it, as <c>pacer contract --check</c> names it: the response checks by keyword
    /// (<c>status-code-conformance</c>, <c>content-type-conformance</c>, <c>response-schema-conformance</c>), the input checks
    /// by what was sent.
    /// </summary>
    public string Check { get; init; } = CheckFor(Keyword);

    /// <summary>What the request was, when a generated case: <c>positive: body field email set to ""</c>.</summary>
    public string? Case { get; init; }

    /// <summary>The request as a shell line, when known.</summary>
    public string? Curl { get; init; }

    public static string CheckFor(string keyword) => keyword switch
    {
        "status" => "status-code-conformance",
        "content-type" or "content" => "content-type-conformance",
        "operation" => "undocumented-operation",
        _ => "response-schema-conformance",
    };

    public static ContractViolation OfBody(string operation, int status, SchemaViolation violation) =>
        new(operation, status, violation.Keyword, violation.Expected, violation.Actual, violation);

    /// <summary>The violation without its operation, for output grouped by operation: <c>200: body /price (property 'price'): type: …</c>.</summary>
    public string Detail => Schema is { } body
        ? $"{Status}: body {body}"
        : $"{Status}: {Keyword}: wanted {Expected}, got {Actual}";

    public override string ToString() => $"{Operation} → {Detail}";
}
