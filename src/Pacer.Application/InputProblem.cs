using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Application;

/// <summary>
/// Bad input found before anything runs (exit 2): a flow or config diagnostic with its position and
/// the text it points into, or a problem with an option (no position). Commands print these; nothing
/// here writes to a console.
/// </summary>
public sealed record InputProblem(Diagnostic Diagnostic, string? SourceText)
{
    public bool IsError => Diagnostic.Severity == DiagnosticSeverity.Error;

    /// <summary>A problem with an option or a setting given outside any file.</summary>
    public static InputProblem Option(string message) =>
        new(new Diagnostic(DiagnosticSeverity.Error, "", message, SourceSpan.None), null);

    /// <summary>An error at <paramref name="span"/> in a file whose text is <paramref name="sourceText"/> (when known).</summary>
    public static InputProblem At(SourceSpan span, string code, string message, string? sourceText, string? suggestion = null) =>
        new(new Diagnostic(DiagnosticSeverity.Error, code, message, span, suggestion), sourceText);

    /// <summary>As people read it: <c>file:line:column: error CODE: message</c> with the line and a caret, or <c>error: message</c>.</summary>
    public string Render()
    {
        if (Diagnostic.Span == SourceSpan.None || Diagnostic.Span.Line == 0)
        {
            return $"{(IsError ? "error" : "warning")}: {Diagnostic.Message}";
        }

        return SourceText is null
            ? $"{Diagnostic.Span}: {(IsError ? "error" : "warning")} {Diagnostic.Code}: {Diagnostic.Message}"
            : DiagnosticRenderer.Render(Diagnostic, SourceText);
    }
}
