using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>
/// Renders a diagnostic as people read it: <c>file:line:column: error PACER012: message</c>,
/// the offending line, a caret under the column, and the suggestion if any.
/// </summary>
public static class DiagnosticRenderer
{
    public static string Render(Diagnostic diagnostic, string sourceText) => throw new NotImplementedException();
}
