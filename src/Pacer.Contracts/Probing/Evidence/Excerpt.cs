using System.Text;

namespace Pacer.Contracts.Probing.Evidence;

/// <summary>Short, printable excerpts of requests and responses for findings: status, type and the start of the body.</summary>
public static class Excerpt
{
    public const int BodyChars = 300;

    public static string Of(ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = Shorten(response.Body, BodyChars);
        return body.Length == 0 ? response.Describe() : $"{response.Describe()} {body}";
    }

    /// <summary>Up to <paramref name="length"/> characters around the first occurrence of <paramref name="needle"/>.</summary>
    public static string Around(string text, string needle, int length = 160)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(needle);
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return Shorten(text, length);
        }

        var start = Math.Max(0, at - ((length - needle.Length) / 2));
        var end = Math.Min(text.Length, start + length);
        return (start > 0 ? "…" : "") + OneLine(text[start..end]) + (end < text.Length ? "…" : "");
    }

    public static string Shorten(string text, int length = BodyChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = OneLine(text);
        return line.Length <= length ? line : line[..length] + "…";
    }

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
        }

        return builder.ToString();
    }
}
