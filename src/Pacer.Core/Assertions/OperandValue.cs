using System.Text.Json.Nodes;

namespace Pacer.Core.Assertions;

/// <summary>The right-hand side of an assertion as a JSON value, or why it has none (an undefined variable, a division by zero).</summary>
public sealed record OperandValue(JsonNode? Value, string? Error)
{
    public bool Succeeded => Error is null;

    public static OperandValue Of(JsonNode? value) => new(value, null);

    public static OperandValue Fail(string error) => new(null, error);
}
