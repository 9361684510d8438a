using Pacer.Contracts.Schema;

namespace Pacer.Contracts.Validation;

/// <summary>
/// What a response got wrong against its operation: an undocumented operation or status, a content type
/// the operation does not list, or a body that breaks the schema (<see cref="Schema"/> then says where).
/// <see cref="ToString"/> is the one line printed everywhere: CLI, step failures, test exceptions.
/// </summary>
public sealed record ContractViolation(string Operation, int Status, string Keyword, string Expected, string Actual, SchemaViolation? Schema = null)
{
    public static ContractViolation OfBody(string operation, int status, SchemaViolation violation) =>
        new(operation, status, violation.Keyword, violation.Expected, violation.Actual, violation);

    /// <summary>The violation without its operation, for output grouped by operation: <c>200: body /price (property 'price'): type: …</c>.</summary>
    public string Detail => Schema is { } body
        ? $"{Status}: body {body}"
        : $"{Status}: {Keyword}: wanted {Expected}, got {Actual}";

    public override string ToString() => $"{Operation} → {Detail}";
}
