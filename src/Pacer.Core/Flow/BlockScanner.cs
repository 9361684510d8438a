using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Finds fenced blocks and ATX headings the CommonMark way: ``` or ~~~ fences of three or more,
/// indented at most three spaces; a closing fence uses the same character, is at least as long and
/// carries nothing else. Headings inside fences are code, not headings.
/// </summary>
internal static class BlockScanner
{
    public static IReadOnlyList<FencedBlock> Scan(IReadOnlyList<SourceLine> lines, ParseContext context)
    {
        var blocks = new List<FencedBlock>();
        string? heading = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TryHeading(line.Text, out var title))
            {
                heading = title;
                continue;
            }

            if (!TryOpeningFence(line.Text, out var indent, out var fenceChar, out var fenceLength, out var tag))
            {
                continue;
            }

            var content = new List<SourceLine>();
            var closed = false;
            for (i++; i < lines.Count; i++)
            {
                if (IsClosingFence(lines[i].Text, fenceChar, fenceLength))
                {
                    closed = true;
                    break;
                }

                content.Add(lines[i]);
            }

            if (!closed)
            {
                context.Error(
                    DiagnosticCodes.UnclosedFence,
                    $"this {new string(fenceChar, fenceLength)} fence is never closed; everything after it would be code",
                    context.Span(line.Number, indent + 1, fenceLength),
                    new string(fenceChar, fenceLength));
            }

            blocks.Add(new FencedBlock(tag, line, indent + 1, fenceLength, content, closed, heading));
        }

        return blocks;
    }

    internal static bool TryHeading(string text, out string title)
    {
        title = "";
        var i = CountSpaces(text);
        if (i > 3)
        {
            return false;
        }

        var hashes = 0;
        while (i + hashes < text.Length && text[i + hashes] == '#')
        {
            hashes++;
        }

        var after = i + hashes;
        if (hashes is < 1 or > 6 || (after < text.Length && text[after] is not (' ' or '\t')))
        {
            return false;
        }

        var rest = text[after..].Trim();
        var closing = rest.TrimEnd('#');
        if (closing.Length == 0 || closing.EndsWith(' ') || closing.EndsWith('\t'))
        {
            rest = closing.TrimEnd();
        }

        title = rest;
        return true;
    }

    private static bool TryOpeningFence(string text, out int indent, out char fenceChar, out int length, out string tag)
    {
        indent = CountSpaces(text);
        fenceChar = '\0';
        length = 0;
        tag = "";
        if (indent > 3 || indent >= text.Length || text[indent] is not ('`' or '~'))
        {
            return false;
        }

        fenceChar = text[indent];
        while (indent + length < text.Length && text[indent + length] == fenceChar)
        {
            length++;
        }

        if (length < 3)
        {
            return false;
        }

        var info = text[(indent + length)..].Trim();
        if (fenceChar == '`' && info.Contains('`', StringComparison.Ordinal))
        {
            return false;
        }

        var end = 0;
        while (end < info.Length && !char.IsWhiteSpace(info[end]) && info[end] != '{')
        {
            end++;
        }

        tag = info[..end].ToLowerInvariant();
        return true;
    }

    private static bool IsClosingFence(string text, char fenceChar, int openLength)
    {
        var i = CountSpaces(text);
        if (i > 3)
        {
            return false;
        }

        var length = 0;
        while (i + length < text.Length && text[i + length] == fenceChar)
        {
            length++;
        }

        return length >= openLength && text[(i + length)..].Trim().Length == 0;
    }

    private static int CountSpaces(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>The span of a block's opening fence, where block-level problems are reported.</summary>
    internal static SourceSpan FenceSpan(FencedBlock block, string file) =>
        new(file, block.Opening.Number, block.FenceColumn, block.FenceLength);
}
