using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Core.Templating;

/// <summary>
/// Conversions between JSON values and the text placed into requests and messages.
/// Shared by templating and assertions so both agree on what a value "looks like".
/// </summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,

        // Keep non-ASCII readable ("é", not "\u00E9"); quotes, backslashes and controls are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON kind of a node, treating a C# null as JSON null.</summary>
    public static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>Compact JSON for any value (a string is quoted and escaped).</summary>
    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>
    /// The text a placeholder becomes outside JSON: a string is its raw characters, a number keeps its
    /// written form, booleans and null are their JSON words, objects and arrays are compact JSON.
    /// </summary>
    public static string ToPlainText(JsonNode? node) =>
        KindOf(node) == JsonValueKind.String ? node!.GetValue<string>() : ToJson(node);

    /// <summary>Escapes text for use between the quotes of a JSON string literal (without the quotes).</summary>
    public static string EscapeForJsonString(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c))
                    {
                        // Controls must be escaped; surrogates are escaped so a lone half stays representable.
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reads text that is exactly a JSON number, <c>true</c>, <c>false</c> or <c>null</c> (no surrounding
    /// whitespace) as that value. Anything else (including quoted strings, objects, arrays) is not a scalar literal.
    /// </summary>
    public static bool TryReadScalarLiteral(string text, out JsonNode? value)
    {
        value = null;
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        if (!TryParseAny(text, out var parsed, out var kind))
        {
            return false;
        }

        if (kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Parses any complete JSON text; false (never an exception) when it is not JSON.</summary>
    public static bool TryParseAny(string text, out JsonNode? value, out JsonValueKind kind)
    {
        value = null;
        kind = JsonValueKind.Undefined;
        try
        {
            using var document = JsonDocument.Parse(text);
            kind = document.RootElement.ValueKind;
            value = kind == JsonValueKind.Null ? null : JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
