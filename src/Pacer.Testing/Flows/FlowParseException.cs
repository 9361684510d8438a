using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Testing;

/// <summary>
/// A flow that does not parse (or uses a variable nothing defines). The message holds every error
/// rendered as <c>pacer run</c> prints it: file:line:column, the offending line and a caret.
/// </summary>
public sealed class FlowParseException : Exception
{
    public FlowParseException(string path, string text, IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(path, text, diagnostics))
    {
        Path = path;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(string path, string text, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var rendered = diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column).Select(d => DiagnosticRenderer.Render(d, text));
        return $"{path}: {errors} error(s), nothing was run." + Environment.NewLine + string.Join(Environment.NewLine, rendered);
    }
}
