using System.Globalization;
using System.Text;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>Why a path did not parse, and at which character of its text.</summary>
internal sealed record PathError(string Message, int Offset, int Length);

/// <summary>
/// Reads response paths: <c>status</c>, <c>duration</c>, <c>header.Name</c> / <c>headers.Name</c>,
/// <c>body</c>, <c>body.a.b[0].c</c>, <c>body["quoted key"]</c>, and bare <c>a.b</c> (kest's
/// <c>data.id</c>) meaning <c>body.a.b</c>. Property names may contain hyphens
/// (<c>data.headers.X-Request-Id</c>); <c>length</c> is an ordinary property segment.
/// </summary>
internal static class PathParser
{
    public static (ValuePath? Path, PathError? Error) Parse(string text)
    {
        if (text.Length == 0)
        {
            return (null, new PathError("expected a path such as `status` or `body.id`", 0, 0));
        }

        if (text is "status")
        {
            return (new ValuePath(PathRoot.Status, null, [], text), null);
        }

        if (text is "duration")
        {
            return (new ValuePath(PathRoot.Duration, null, [], text), null);
        }

        foreach (var prefix in new[] { "header.", "headers." })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = text[prefix.Length..];
                return IsHeaderName(name)
                    ? (new ValuePath(PathRoot.Header, name, [], text), null)
                    : (null, new PathError($"`{name}` is not a header name", prefix.Length, name.Length));
            }
        }

        if (text is "header" or "headers")
        {
            return (null, new PathError("name the header: `header.Content-Type`", 0, text.Length));
        }

        var start = 0;
        if (text == "body" || text.StartsWith("body.", StringComparison.Ordinal) || text.StartsWith("body[", StringComparison.Ordinal))
        {
            start = 4;
        }
        else if (text == "$" || text.StartsWith("$.", StringComparison.Ordinal) || text.StartsWith("$[", StringComparison.Ordinal))
        {
            start = 1;
        }

        var (segments, error) = ParseSegments(text, start);
        return error is null ? (new ValuePath(PathRoot.Body, null, segments, text), null) : (null, error);
    }

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => c > ' ' && c < 127 && c != ':' && c != '[' && c != ']');

    private static (List<PathSegment> Segments, PathError? Error) ParseSegments(string text, int i)
    {
        var segments = new List<PathSegment>();
        var first = i == 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var (segment, next, error) = ParseBracket(text, i);
                if (error is not null)
                {
                    return (segments, error);
                }

                segments.Add(segment!);
                i = next;
                first = false;
                continue;
            }

            if (!first)
            {
                if (text[i] != '.')
                {
                    return (segments, new PathError($"expected `.` or `[` before `{text[i]}`", i, 1));
                }

                i++;
            }
            else if (text[i] == '.')
            {
                // `.length` on its own: the body's own length.
                i++;
            }

            first = false;
            var nameStart = i;
            while (i < text.Length && text[i] != '.' && text[i] != '[' && !char.IsWhiteSpace(text[i]) && text[i] != ']' && text[i] != '"')
            {
                i++;
            }

            if (i == nameStart)
            {
                return (segments, new PathError("empty property name in path", Math.Max(0, nameStart - 1), 1));
            }

            if (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ']' || text[i] == '"'))
            {
                return (segments, new PathError($"unexpected `{text[i]}` in path", i, 1));
            }

            segments.Add(new PropertySegment(text[nameStart..i]));
        }

        return (segments, null);
    }

    private static (PathSegment? Segment, int Next, PathError? Error) ParseBracket(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && (text[i] == '"' || text[i] == '\''))
        {
            var quote = text[i];
            var name = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                name.Append(text[i]);
                i++;
            }

            if (i + 1 >= text.Length || text[i + 1] != ']')
            {
                return (null, i, new PathError("unclosed `[\"key\"]` in path", open, text.Length - open));
            }

            return (new PropertySegment(name.ToString()), i + 2, null);
        }

        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            return (null, i, new PathError("`[` is not closed by `]`", open, text.Length - open));
        }

        var index = text[i..close];
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return (null, i, new PathError($"`[{index}]` is not an index: write a whole number or a quoted key", open, close - open + 1));
        }

        return (new IndexSegment(value), close + 1, null);
    }
}
