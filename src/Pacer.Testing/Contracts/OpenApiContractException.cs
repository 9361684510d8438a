using Pacer.Contracts.Validation;

namespace Pacer.Testing.Contracts;

/// <summary>
/// A response broke its OpenAPI operation. The message lists each violation on its own line, in the
/// words <c>pacer contract</c> prints (<c>GET /api/v1/products/{id} → 200: body /price …</c>).
/// </summary>
public sealed class OpenApiContractException : Exception
{
    public OpenApiContractException()
    {
        Violations = [];
    }

    public OpenApiContractException(string message)
        : base(message)
    {
        Violations = [];
    }

    public OpenApiContractException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [];
    }

    public OpenApiContractException(string subject, IReadOnlyList<ContractViolation> violations)
        : base(Describe(subject, violations))
    {
        Violations = violations;
    }

    public IReadOnlyList<ContractViolation> Violations { get; }

    private static string Describe(string subject, IReadOnlyList<ContractViolation> violations) =>
        $"{subject} does not match the OpenAPI document ({violations.Count} violation(s)):" + Environment.NewLine
        + string.Join(Environment.NewLine, violations.Select(v => "  " + v));
}
