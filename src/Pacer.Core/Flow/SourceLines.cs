namespace Pacer.Core.Flow;

/// <summary>
/// Splits a file into lines the same way for the parser and the renderer, so a line:column
/// always points at the same character: LF, CRLF and lone CR all end a line, and a leading
/// byte-order mark is not part of column 1.
/// </summary>
internal static class SourceLines
{
    public static IReadOnlyList<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var number = 1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            lines.Add(new SourceLine(number++, text[start..i]));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        lines.Add(new SourceLine(number, text[start..]));
        return lines;
    }

    /// <summary>The text of one 1-based line, or null when the file has fewer lines; splits nothing else.</summary>
    public static string? LineAt(string text, int number)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var current = 1; current < number; current++)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                return null;
            }

            start += end;
            start += text[start] == '\r' && start + 1 < text.Length && text[start + 1] == '\n' ? 2 : 1;
        }

        if (number < 1)
        {
            return null;
        }

        var length = text.AsSpan(start).IndexOfAny('\r', '\n');
        return length < 0 ? text[start..] : text.Substring(start, length);
    }
}
