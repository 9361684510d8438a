using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>Short, one-line descriptions of instances and schema values for violation messages.</summary>
internal static class InstanceText
{
    private const int MaxLength = 60;

    public static string Describe(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray array => array.Count == 1 ? "an array of 1 item" : $"an array of {array.Count} items",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string " + Literal(value),
            JsonValueKind.Number => "number " + Literal(value),
            _ => Literal(value),
        },
        _ => Literal(instance),
    };

    /// <summary>The JSON text of a node, cut short when long.</summary>
    public static string Literal(JsonNode? node)
    {
        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? Quote(value.GetValue<string>())
            : node?.ToJsonString(RelaxedEscaping) ?? "null";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static readonly JsonSerializerOptions RelaxedEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A string as people read it: quotes, backslashes and control characters escaped, every other character (emoji too) as it is.</summary>
    private static string Quote(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    public static string KindOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => JsonNumber.IsInteger(value) ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "unknown",
    };
}
