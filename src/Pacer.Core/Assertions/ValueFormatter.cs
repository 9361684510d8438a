using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// Shows values to people in assertion reports: compact JSON (strings quoted) followed by the JSON
/// type, e.g. <c>0 (number)</c>, <c>"0" (string)</c>, <c>null</c>. Long values are cut to
/// <see cref="MaxLength"/> characters and end with "…", so one huge body does not drown the report.
/// </summary>
public static class ValueFormatter
{
    public const int MaxLength = 200;

    public static string Format(JsonNode? value)
    {
        var kind = JsonText.KindOf(value);
        var json = Truncate(JsonText.ToJson(value));
        return kind == JsonValueKind.Null ? json : $"{json} ({TypeName(kind)})";
    }

    /// <summary>The value without its type, e.g. for list items and patterns.</summary>
    public static string FormatBare(JsonNode? value) => Truncate(JsonText.ToJson(value));

    public static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    public static string TypeName(JsonNode? value) => TypeName(JsonText.KindOf(value));

    public static string Truncate(string text) =>
        text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
