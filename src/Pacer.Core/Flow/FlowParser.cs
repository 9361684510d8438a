using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>The outcome of parsing one file: a document when there were no errors, and every diagnostic found.</summary>
public sealed record ParseResult(FlowDocument? Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Parses <c>.flow.md</c> text into a <see cref="FlowDocument"/>. Never throws on bad input.</summary>
public static class FlowParser
{
    public static ParseResult Parse(string path, string text) => throw new NotImplementedException();
}
