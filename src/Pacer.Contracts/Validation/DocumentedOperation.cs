using System.Text.Json.Nodes;

namespace Pacer.Contracts.Validation;

/// <summary>
/// One operation of the document: its method, its path template as written in the document, and its
/// node in <see cref="OpenApiJson"/>'s tree (<see cref="DocumentPointer"/> locates it, for schema look-ups).
/// Printed as <c>GET /api/v1/products/{id}</c>, the way every message names it.
/// </summary>
public sealed record DocumentedOperation(string Method, string PathTemplate, string? OperationId, JsonObject Node, string DocumentPointer)
{
    public string DisplayName => $"{Method} {PathTemplate}";

    /// <summary>Whether the operation (or the document, by default) requires some security scheme.</summary>
    public bool IsSecured { get; init; }

    public override string ToString() => DisplayName;
}
