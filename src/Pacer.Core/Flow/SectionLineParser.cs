using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>Reads one line of <c>[Queries]</c>, <c>[Headers]</c> or <c>[Captures]</c> (or a header line after the request line).</summary>
internal static partial class SectionLineParser
{
    /// <summary><c>Name: value</c>. The name is an HTTP token, so <c>Content-Type application/json</c> is caught.</summary>
    public static HeaderNode? ParseHeader(SourceLine line, ParseContext context)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? "" : trimmed[..colon].TrimEnd();
        if (colon <= 0 || !HeaderNamePattern().IsMatch(name))
        {
            // Only a line without any colon is a header that lost its colon; otherwise we cannot guess.
            var guess = colon < 0 ? HeaderWithoutColon().Match(trimmed) : Match.Empty;
            context.Error(
                DiagnosticCodes.MalformedHeader,
                "a header line is `Name: value`",
                context.Span(line.Number, column, trimmed.Length),
                guess.Success ? $"{guess.Groups["name"].Value}: {guess.Groups["value"].Value}" : null);
            return null;
        }

        var (value, valueColumn) = After(trimmed, colon + 1, column);
        var template = TemplateParser.Parse(value, context.Span(line.Number, valueColumn, value.Length), context);
        return new HeaderNode(name, template, context.Span(line.Number, column, trimmed.Length));
    }

    /// <summary><c>name = value</c> or <c>name: value</c>, whichever separator comes first.</summary>
    public static QueryNode? ParseQuery(SourceLine line, ParseContext context)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        var separator = trimmed.IndexOfAny(['=', ':']);
        var name = separator < 0 ? "" : trimmed[..separator].TrimEnd();
        if (separator <= 0 || name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            context.Error(
                DiagnosticCodes.MalformedQuery,
                "a query line is `name = value` or `name: value`",
                context.Span(line.Number, column, trimmed.Length));
            return null;
        }

        var (value, valueColumn) = After(trimmed, separator + 1, column);
        var template = TemplateParser.Parse(value, context.Span(line.Number, valueColumn, value.Length), context);
        return new QueryNode(name, template, context.Span(line.Number, column, trimmed.Length));
    }

    /// <summary><c>name: path</c> or <c>name = path</c>, with an optional <c>- </c> prefix.</summary>
    public static CaptureNode? ParseCapture(SourceLine line, ParseContext context)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        (trimmed, column) = LineText.StripListMarker(trimmed, column);
        var separator = trimmed.IndexOfAny(['=', ':']);
        var name = separator < 0 ? "" : trimmed[..separator].TrimEnd();
        if (separator <= 0 || !CaptureNamePattern().IsMatch(name))
        {
            context.Error(
                DiagnosticCodes.MalformedCapture,
                "a capture line is `name: path` or `name = path`",
                context.Span(line.Number, column, trimmed.Length));
            return null;
        }

        var (pathText, pathColumn) = After(trimmed, separator + 1, column);
        pathText = LineText.StripTrailingComment(pathText);
        var pathSpan = context.Span(line.Number, pathColumn, Math.Max(1, pathText.Length));
        if (pathText.StartsWith("$stdout", StringComparison.Ordinal) || pathText.StartsWith("$line", StringComparison.Ordinal))
        {
            context.Error(
                DiagnosticCodes.UnsupportedCapture,
                $"exec captures are not supported yet: `{pathText}` reads a command's output",
                pathSpan);
            return null;
        }

        var (path, error) = PathParser.Parse(pathText);
        if (error is not null)
        {
            context.Error(
                DiagnosticCodes.InvalidPath,
                error.Message,
                context.Span(line.Number, pathColumn + error.Offset, Math.Max(1, error.Length)));
            return null;
        }

        return new CaptureNode(name, path!, context.Span(line.Number, column, trimmed.Length));
    }

    /// <summary>One assertion line, with its optional <c>- </c> prefix and trailing <c>// comment</c>.</summary>
    public static AssertionNode? ParseAssertion(SourceLine line, bool isSoft, ParseContext context)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        (trimmed, column) = LineText.StripListMarker(trimmed, column);
        var text = LineText.StripTrailingComment(trimmed);
        if (text.Length == 0)
        {
            return null;
        }

        return AssertionParser.Parse(text, line.Number, column, isSoft, context);
    }

    private static (string Value, int Column) After(string trimmed, int index, int column)
    {
        var rest = trimmed[index..];
        var value = rest.TrimStart();
        return (value.TrimEnd(), column + index + (rest.Length - value.Length));
    }

    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderNamePattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9\-]*)\s+(?<value>\S.*)$")]
    private static partial Regex HeaderWithoutColon();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex CaptureNamePattern();
}
