namespace Pacer.Core.Flow.Syntax;

/// <summary>One parsed <c>.flow.md</c> file: its metadata and its executable steps in file order.</summary>
public sealed record FlowDocument(string Path, FlowMetadata Metadata, IReadOnlyList<StepNode> Steps);

/// <summary>
/// What a <c>flow</c> block declares. <see cref="Thresholds"/> and <see cref="Load"/> are kept
/// as written (with positions) for <c>pacer load</c>; <see cref="Defaults"/> are the lowest-priority variables.
/// </summary>
public sealed record FlowMetadata(
    string? Id,
    string? Name,
    string? Version,
    IReadOnlyList<string> Tags,
    string? Env,
    IReadOnlyList<DirectiveLine> Thresholds,
    IReadOnlyList<DirectiveLine> Load,
    IReadOnlyDictionary<string, string> Defaults)
{
    public static FlowMetadata Empty { get; } = new(null, null, null, [], null, [], [], new Dictionary<string, string>());
}

/// <summary>A directive's text after its keyword, e.g. <c>p95&lt;150ms</c> for <c>@threshold p95&lt;150ms</c>.</summary>
public sealed record DirectiveLine(string Text, SourceSpan Span);
