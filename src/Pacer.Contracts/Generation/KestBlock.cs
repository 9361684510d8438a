using System.Text;

namespace Pacer.Contracts.Generation;

/// <summary>
/// Writes a request as a ```kest block that Pacer's FlowParser reads back unchanged. Text that would
/// read as a template (<c>{{</c>) is escaped: in a JSON body as <c>\u007b</c>, elsewhere percent-encoded;
/// importers that mean their <c>{{name}}</c> placeholders pass <c>keepTemplates</c>.
/// </summary>
public static class KestBlock
{
    public static string Write(GeneratedRequest request, string? name = null, IEnumerable<string>? asserts = null, IEnumerable<string>? captures = null, bool keepTemplates = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.Append("```kest\n");
        if (!string.IsNullOrWhiteSpace(name))
        {
            text.Append("@name ").Append(OneLine(name)).Append('\n');
        }

        text.Append(request.Method).Append(' ').Append(keepTemplates ? request.PathAndQuery.Replace(" ", "%20", StringComparison.Ordinal) : UrlSafe(request.PathAndQuery)).Append('\n');
        foreach (var (header, value) in request.Headers)
        {
            text.Append(header).Append(": ").Append(keepTemplates ? value.ReplaceLineEndings(" ") : OneLine(value)).Append('\n');
        }

        if (request.Body is { Length: > 0 } body)
        {
            text.Append("\n[Body]\n").Append(keepTemplates ? FenceSafe(body) : BodySafe(body)).Append('\n');
        }

        AppendSection(text, "Captures", captures);
        AppendSection(text, "Asserts", asserts);
        text.Append("```\n");
        return text.ToString();
    }

    /// <summary>A JSON body with every <c>{{</c> written as <c>{\u007b</c>: the same JSON, no placeholder.</summary>
    public static string BodySafe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var safe = body.Replace("{{", "{\\u007b", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

        return FenceSafe(safe);
    }

    /// <summary>A body line starting with ``` would close the block; a space before it keeps the body intact as JSON.</summary>
    private static string FenceSafe(string body) =>
        body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n```", "\n ```", StringComparison.Ordinal).TrimEnd('\n');

    private static string UrlSafe(string url) =>
        url.Replace("{{", "%7B%7B", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string OneLine(string value) =>
        value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("{{", "{ {", StringComparison.Ordinal);

    private static void AppendSection(StringBuilder text, string section, IEnumerable<string>? lines)
    {
        var list = lines?.ToList();
        if (list is not { Count: > 0 })
        {
            return;
        }

        text.Append('\n').Append('[').Append(section).Append("]\n");
        foreach (var line in list)
        {
            text.Append(line).Append('\n');
        }
    }
}
