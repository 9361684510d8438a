using System.Globalization;
using System.Text;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Renders a diagnostic as people read it: <c>file:line:column: error PACER012: message</c>,
/// the offending line, a caret under the column, and the suggestion if any.
/// </summary>
/// <example>
/// <code>
/// login.flow.md:12:8: error PACER012: unknown operator `===`
///    12 | status === 200
///       |        ^~~
///       = help: did you mean `==`?
/// </code>
/// </example>
public static class DiagnosticRenderer
{
    public static string Render(Diagnostic diagnostic, string sourceText)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Span;
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}: {severity} {diagnostic.Code}: {diagnostic.Message}");

        var lineText = SourceLines.LineAt(sourceText ?? "", span.Line);
        var gutter = new string(' ', Math.Max(5, span.Line.ToString(CultureInfo.InvariantCulture).Length + 1));
        if (lineText is not null)
        {
            var text = lineText;
            var number = span.Line.ToString(CultureInfo.InvariantCulture).PadLeft(gutter.Length);
            output.Append('\n').Append(number).Append(" | ").Append(text.TrimEnd());
            output.Append('\n').Append(gutter).Append(" | ").Append(Marker(text, span));
        }

        if (diagnostic.Suggestion is { Length: > 0 } suggestion)
        {
            output.Append('\n').Append(gutter).Append(" = help: did you mean `").Append(suggestion).Append("`?");
        }

        return output.ToString();
    }

    /// <summary>Spaces (keeping tabs, so the caret lines up) then <c>^</c> and <c>~</c> for the rest of the span.</summary>
    private static string Marker(string text, SourceSpan span)
    {
        var column = Math.Clamp(span.Column, 1, text.Length + 1);
        var prefix = new StringBuilder();
        for (var i = 0; i < column - 1; i++)
        {
            prefix.Append(text[i] == '\t' ? '\t' : ' ');
        }

        var length = Math.Clamp(span.Length, 1, Math.Max(1, text.Length - column + 1));
        return prefix.Append('^').Append('~', length - 1).ToString();
    }
}
