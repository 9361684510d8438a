using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pacer.Contracts.Probing.Evidence;

/// <summary>
/// Decides whether two answers are "the same answer" for differential checks: the same status, the same number of
/// items, and bodies that match once what legitimately varies is taken out — ids, timestamps, trace ids, tokens,
/// and the input each request sent, which an API may echo in its message (<c>no book named X</c>).
/// </summary>
public static partial class ResponseSimilarity
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Same(ProbeResponse first, ProbeResponse second, string? firstInput = null, string? secondInput = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Status != second.Status || ItemCount(first.Body) != ItemCount(second.Body))
        {
            return false;
        }

        var a = Normalize(first.Body, firstInput);
        var b = Normalize(second.Body, secondInput);
        if (a == b || Shape(a) is { } shapeA && shapeA == Shape(b))
        {
            return true;
        }

        var tolerance = Math.Max(8, Math.Max(a.Length, b.Length) / 20);
        return Math.Abs(a.Length - b.Length) <= tolerance;
    }

    /// <summary>The body without what varies between equal answers, and without the echoed input.</summary>
    public static string Normalize(string body, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body;
        if (!string.IsNullOrEmpty(input))
        {
            foreach (var form in Forms(input))
            {
                text = text.Replace(form, "«input»", StringComparison.Ordinal);
            }
        }

        return Volatile().Replace(text, "«v»");
    }

    /// <summary>The length of the largest JSON array in the body (top level or one or two properties down), or null.</summary>
    public static int? ItemCount(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return Largest(Validation.StrictJson.Parse(body), 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Largest(JsonNode? node, int depth) => node switch
    {
        JsonArray array => array.Count,
        JsonObject obj when depth < 2 => obj.Select(p => Largest(p.Value, depth + 1)).Max(),
        _ => null,
    };

    /// <summary>A JSON body's keys and value kinds, not its values: two records of one type have the same shape.</summary>
    private static string? Shape(string body)
    {
        try
        {
            return Validation.StrictJson.Parse(body) is { } node ? ShapeOf(node) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ShapeOf(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + ShapeOf(p.Value))) + "}",
        JsonArray array => "[" + array.Count + (array.Count > 0 ? ShapeOf(array[0]) : "") + "]",
        JsonValue value => value.GetValueKind().ToString(),
        _ => "null",
    };

    private static IEnumerable<string> Forms(string input)
    {
        yield return JsonSerializer.Serialize(input)[1..^1];
        yield return JsonSerializer.Serialize(input, Relaxed)[1..^1];
        yield return WebUtility.HtmlEncode(input);
        yield return Uri.EscapeDataString(input);
        yield return input;
    }

    // UUIDs, ISO timestamps, long hex or base64url runs (tokens, hashes, trace ids), and numbers of 6+ digits.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?|\b[0-9a-fA-F]{16,}\b|[A-Za-z0-9_\-]{24,}|\b\d{6,}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Volatile();
}
