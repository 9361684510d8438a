using Pacer.Core.Plan;

namespace Pacer.Core.Flow.Syntax;

/// <summary>One parsed <c>.flow.md</c> file: its metadata and its executable steps in file order.</summary>
public sealed record FlowDocument(string Path, FlowMetadata Metadata, IReadOnlyList<StepNode> Steps);

/// <summary>
/// What a <c>flow</c> block declares. <see cref="Thresholds"/> and <see cref="Load"/> are parsed by the
/// parser (so <c>pacer check</c> rejects what <c>pacer load</c> would) and keep their positions;
/// <see cref="Defaults"/> are the lowest-priority variables.
/// </summary>
public sealed record FlowMetadata(
    string? Id,
    string? Name,
    string? Version,
    IReadOnlyList<string> Tags,
    string? Env,
    IReadOnlyList<ThresholdDirective> Thresholds,
    LoadSettings Load,
    IReadOnlyDictionary<string, string> Defaults)
{
    public static FlowMetadata Empty { get; } = new(null, null, null, [], null, [], new LoadSettings(), new Dictionary<string, string>());
}

/// <summary>An <c>@threshold</c> line: the parsed rule and where its text starts.</summary>
public sealed record ThresholdDirective(Threshold Threshold, SourceSpan Span);
