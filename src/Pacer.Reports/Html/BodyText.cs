using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Reports.Html;

/// <summary>
/// Bodies as people read them: JSON indented with its characters as sent (<c>&lt;</c> stays
/// <c>&lt;</c>, not <c>\u003C</c> — the page escapes it for HTML afterwards), other text as
/// received, both cut at a limit with a note of how much was left out.
/// </summary>
public static class BodyText
{
    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Pretty(string body, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body;
        try
        {
            if (JsonNode.Parse(body) is { } node)
            {
                text = node.ToJsonString(Readable);
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as received.
        }

        return ReportFormatting.Truncate(text, maxChars);
    }
}
