namespace Pacer.Core.Flow.Syntax;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A problem found in a flow or config before anything runs. <see cref="Code"/> is stable
/// (for example <c>PACER012</c>) so tests and users can refer to it.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Message,
    SourceSpan Span,
    string? Suggestion = null);
