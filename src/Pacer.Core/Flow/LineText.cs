namespace Pacer.Core.Flow;

/// <summary>Small helpers that keep track of columns while trimming.</summary>
internal static class LineText
{
    /// <summary>The text without surrounding whitespace and the 1-based column where it starts.</summary>
    public static (string Trimmed, int Column) Trim(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return (text[start..].TrimEnd(), start + 1);
    }

    /// <summary>Drops the YAML-ish <c>- </c> prefix kest files sometimes put before captures and asserts.</summary>
    public static (string Text, int Column) StripListMarker(string trimmed, int column)
    {
        if (trimmed.Length >= 2 && trimmed[0] == '-' && trimmed[1] is ' ' or '\t')
        {
            var rest = trimmed[1..].TrimStart();
            return (rest, column + trimmed.Length - rest.Length);
        }

        return (trimmed, column);
    }

    /// <summary>
    /// Removes a trailing <c>// comment</c>. Only a <c>//</c> outside quotes and placeholders, at the
    /// start or after whitespace, starts a comment, so <c>"http://x"</c> stays intact.
    /// </summary>
    public static string StripTrailingComment(string text)
    {
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return text[..i].TrimEnd();
            }
        }

        return text;
    }
}
