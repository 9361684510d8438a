using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>The file being parsed and the diagnostics found so far; shared by the mini-parsers.</summary>
internal sealed class ParseContext(string file)
{
    private readonly List<Diagnostic> diagnostics = [];

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    public SourceSpan Span(int line, int column, int length) => new(File, line, column, Math.Max(0, length));

    public void Error(string code, string message, SourceSpan span, string? suggestion = null) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, span, suggestion));

    public void Warning(string code, string message, SourceSpan span, string? suggestion = null) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, span, suggestion));

    public void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic);
}
