using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// Values at a schema's limits and just past them: the minimum and maximum and one step beyond, an empty string,
/// unicode text of exactly maxLength and one character more, a thousand characters of unicode where the length is
/// unbounded. Each says whether the schema allows it and how to name it in a message.
/// </summary>
public static class EdgeValues
{
    /// <summary>Non-ASCII text from the Basic Multilingual Plane, so its length is the same in code points and UTF-16 units.</summary>
    private const string Unicode = "ü字Ωж";

    /// <summary>The values to try for a schema: whether each is inside its limits, and how to name it.</summary>
    public static IEnumerable<(JsonNode Value, bool Inside, string What)> Boundaries(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Enum is { Count: > 0 })
        {
            yield break;
        }

        if (SchemaTypes.IsNumeric(schema))
        {
            var step = SchemaTypes.IsInteger(schema) ? 1m : 0.01m;
            if (SchemaTypes.Minimum(schema) is { } min)
            {
                yield return (Number(min), true, $"the minimum {Text(min)}");
                yield return (Number(min - step), false, $"an out-of-range number {Text(min - step)} (below the minimum)");
            }

            if (SchemaTypes.Maximum(schema) is { } max)
            {
                yield return (Number(max), true, $"the maximum {Text(max)}");
                yield return (Number(max + step), false, $"an out-of-range number {Text(max + step)} (above the maximum)");
            }
        }
        else if (SchemaTypes.Primary(schema) == JsonSchemaType.String && schema.Format is null or "password")
        {
            var minLength = schema.MinLength ?? 0;
            yield return (JsonValue.Create(""), minLength == 0, minLength == 0 ? "an empty string" : $"an empty string (minLength {minLength})");
            if (schema.MaxLength is { } maxLength)
            {
                yield return (JsonValue.Create(Repeat(Unicode, maxLength)), true, $"unicode text of exactly maxLength {maxLength}");
                yield return (JsonValue.Create(Repeat("x", maxLength + 1)), false, $"an over-long string ({maxLength + 1} characters, maxLength {maxLength})");
            }
            else
            {
                yield return (JsonValue.Create(Repeat(Unicode + "🙂", 1000)), true, "1000 characters of unicode text");
            }
        }
    }

    private static JsonValue Number(decimal value) =>
        value == Math.Truncate(value) && Math.Abs(value) < long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Repeat(string unit, int length)
    {
        var text = string.Concat(Enumerable.Repeat(unit, (length / Math.Max(1, unit.Length)) + 1));
        return text[..length];
    }
}
