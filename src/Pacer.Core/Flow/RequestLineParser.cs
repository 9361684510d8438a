using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>Reads <c>METHOD URL</c> (an optional trailing <c>HTTP/1.1</c> is ignored).</summary>
internal static partial class RequestLineParser
{
    public static (string? Method, Template? Url) Parse(SourceLine line, ParseContext context)
    {
        var (trimmed, column) = LineText.Trim(line.Text);
        var space = trimmed.IndexOfAny([' ', '\t']);
        var word = space < 0 ? trimmed : trimmed[..space];
        var method = HttpMethods.Normalize(word);
        if (method is null)
        {
            ReportUnknownMethod(word, space < 0, trimmed, line.Number, column, context);
            return (null, null);
        }

        if (space < 0)
        {
            context.Error(
                DiagnosticCodes.MissingUrl,
                $"`{word}` needs a URL: `{method} /path` or `{method} https://host/path`",
                context.Span(line.Number, column + word.Length, 1));
            return (method, null);
        }

        var urlText = trimmed[space..].TrimStart();
        var urlColumn = column + trimmed.Length - urlText.Length;
        urlText = HttpVersionSuffix().Replace(urlText, "");
        var url = TemplateParser.Parse(urlText, context.Span(line.Number, urlColumn, urlText.Length), context);
        return (method, url);
    }

    /// <summary>True when a line of a ```json block is a request line, so the block is a step.</summary>
    public static bool LooksLikeRequestLine(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && HttpMethods.All.Contains(trimmed[..space], StringComparer.Ordinal);
    }

    private static void ReportUnknownMethod(string word, bool alone, string trimmed, int line, int column, ParseContext context)
    {
        var span = context.Span(line, column, Math.Max(1, word.Length));
        if (alone && (word.StartsWith('/') || word.Contains("://", StringComparison.Ordinal) || word.StartsWith("{{", StringComparison.Ordinal)))
        {
            context.Error(DiagnosticCodes.MissingRequestLine, "the request line needs a method before the URL", span, "GET " + trimmed);
            return;
        }

        if (word.Length > 0 && word.All(char.IsLetter))
        {
            context.Error(
                DiagnosticCodes.UnknownMethod,
                $"unknown HTTP method `{word}` (use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS)",
                span,
                Suggestions.Closest(word, HttpMethods.All));
            return;
        }

        context.Error(DiagnosticCodes.MissingRequestLine, "expected the request line `METHOD URL`", span);
    }

    [GeneratedRegex(@"\s+HTTP/\d(?:\.\d)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HttpVersionSuffix();
}
