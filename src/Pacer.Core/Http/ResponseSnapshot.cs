using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Core.Http;

/// <summary>
/// A received response, as assertions and captures see it. The body is parsed as JSON once,
/// on first use; <see cref="Json"/> is null when the body is not JSON.
/// </summary>
public sealed class ResponseSnapshot
{
    private readonly Lazy<JsonNode?> json;

    public ResponseSnapshot(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string bodyText, TimeSpan duration)
        : this(status, headers, bodyText, duration, new Lazy<JsonNode?>(() => TryParseJson(bodyText)))
    {
    }

    private ResponseSnapshot(int status, IReadOnlyList<KeyValuePair<string, string>> headers, string bodyText, TimeSpan duration, Lazy<JsonNode?> json)
    {
        Status = status;
        Headers = headers;
        BodyText = bodyText;
        Duration = duration;
        this.json = json;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public string BodyText { get; }

    public TimeSpan Duration { get; }

    public JsonNode? Json => json.Value;

    /// <summary>The same response with another duration (the latency a driver measured), sharing the parsed body.</summary>
    public ResponseSnapshot WithDuration(TimeSpan duration) => new(Status, Headers, BodyText, duration, json);

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
