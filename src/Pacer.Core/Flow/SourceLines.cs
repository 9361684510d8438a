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
}
