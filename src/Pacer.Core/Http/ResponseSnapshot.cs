using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Core.Http;

/// <summary>
/// A received response, as assertions and captures see it. The body is parsed as JSON once,
/// on first use; <see cref="Json"/> is null when the body is not JSON.
/// </summary>
public sealed class ResponseSnapshot(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string bodyText, TimeSpan duration)
{
    private readonly Lazy<JsonNode?> json = new(() => TryParseJson(bodyText));

    public int Status { get; } = status;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public string BodyText { get; } = bodyText;

    public TimeSpan Duration { get; } = duration;

    public JsonNode? Json => json.Value;

    public bool BodyIsJson => Json is not null || BodyText.Trim() == "null";

    /// <summary>Header values by case-insensitive name; several values are joined with ", ".</summary>
    public string? Header(string name)
    {
        var values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    private static JsonNode? TryParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
