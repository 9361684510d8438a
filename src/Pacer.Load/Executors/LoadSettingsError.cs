using Pacer.Core.Flow.Syntax;

namespace Pacer.Load.Executors;

/// <summary>
/// A problem with load settings: where it was written (a flow's <c>@load</c> line, or null for the
/// command line) and what is wrong, in words that say what to do.
/// </summary>
public sealed record LoadSettingsError(string Message, SourceSpan? Span)
{
    public override string ToString() => Span is { } span ? $"{span}: error: {Message}" : $"error: {Message}";
}
