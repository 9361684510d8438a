using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Generation;

/// <summary>
/// A request under construction: parameter values and a body as JSON, so a probe can change one
/// part (a field's value, a parameter, the content type) and render the rest unchanged.
/// </summary>
public sealed class RequestDraft
{
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public RequestDraft(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Operation = operation;
        Method = operation.Method.Method.ToUpperInvariant();
    }

    public ApiOperation Operation { get; }

    public string Method { get; set; }

    public Dictionary<string, string> PathValues { get; } = new(StringComparer.Ordinal);

    public List<KeyValuePair<string, string>> Query { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The JSON body; <see cref="RawBody"/> wins when set (invalid JSON, other media types).</summary>
    public JsonNode? Body { get; set; }

    public string? RawBody { get; set; }

    public string? ContentType { get; set; }

    public RequestDraft Clone()
    {
        var copy = new RequestDraft(Operation) { Method = Method, Body = Body?.DeepClone(), RawBody = RawBody, ContentType = ContentType };
        foreach (var (key, value) in PathValues)
        {
            copy.PathValues[key] = value;
        }

        copy.Query.AddRange(Query);
        copy.Headers.AddRange(Headers);
        return copy;
    }

    public void SetHeader(string name, string? value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        if (value is not null)
        {
            Headers.Add(new(name, value));
        }
    }

    public void SetQuery(string name, string? value)
    {
        Query.RemoveAll(q => q.Key == name);
        if (value is not null)
        {
            Query.Add(new(name, value));
        }
    }

    public GeneratedRequest Render()
    {
        var path = new StringBuilder(Operation.Path);
        foreach (var (name, value) in PathValues)
        {
            path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        }

        if (Query.Count > 0)
        {
            path.Append('?').AppendJoin('&', Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        var body = RawBody ?? (Body is null ? null : Body.ToJsonString(BodyJson));
        var headers = new List<KeyValuePair<string, string>>(Headers);
        if (body is not null && ContentType is not null && !headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Type", ContentType));
        }

        return new GeneratedRequest(Method, path.ToString(), headers, body);
    }
}
