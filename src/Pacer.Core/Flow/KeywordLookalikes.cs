using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// A bare path is a field of the JSON body (kest's <c>data.id</c>), so <c>stauts == 200</c> parses and
/// then fails on every response for a reason that reads like the server's fault. A bare first name one
/// letter (or one swap, or only the letter case) away from <c>status</c>, <c>duration</c> or
/// <c>header.</c> is almost always a typo: it is a warning with the fix. Writing <c>body.</c> in front
/// says the field is meant and silences it.
/// </summary>
internal static class KeywordLookalikes
{
    public static void Check(ValuePath path, int start, LineCursor cursor)
    {
        if (path.Root != PathRoot.Body || path.Segments.Count == 0 || path.Segments[0] is not PropertySegment first
            || path.Text.StartsWith("body", StringComparison.Ordinal) || path.Text.StartsWith('$'))
        {
            return;
        }

        var keywords = path.Segments.Count == 1 ? new[] { "status", "duration" } : ["header", "headers"];
        var meant = keywords.FirstOrDefault(k => Suggestions.Distance(first.Name.ToUpperInvariant(), k.ToUpperInvariant()) <= 1);
        if (meant is null)
        {
            return;
        }

        var fix = path.Segments.Count == 1 ? meant : "header" + path.Text[first.Name.Length..];
        cursor.Context.Warning(
            DiagnosticCodes.KeywordLookalike,
            $"`{first.Name}` reads a field of the JSON body, not the response's {(meant == "status" ? "status code" : meant == "duration" ? "duration" : "headers")}; "
                + $"write `body.{path.Text}` if the field is meant",
            cursor.SpanAt(start, first.Name.Length),
            fix);
    }
}
