using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Validation;

/// <summary>
/// JSON as answers are read here: a duplicate property name (<c>{"status": 409, …, "status": "paid"}</c>) is an error
/// at parse time, where System.Text.Json would otherwise parse it and throw later, on first enumeration.
/// </summary>
public static class StrictJson
{
    public static JsonDocumentOptions Options { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>Parses the text; throws <see cref="JsonException"/> for invalid JSON and for duplicate property names.</summary>
    public static JsonNode? Parse(string text) => JsonNode.Parse(text, documentOptions: Options);

    /// <summary>The parsed text, or null when it is empty, not JSON, or has a duplicate property name.</summary>
    public static JsonNode? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            return Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
