using Pacer.Core.Plan;

namespace Pacer.Core.Flow.Syntax;

/// <summary>One executable request block (```kest, ```http, ```step, or ```json starting with METHOD URL).</summary>
public sealed record StepNode(
    string Name,
    string? Id,
    SourceSpan Span,
    string Method,
    Template Url,
    IReadOnlyList<HeaderNode> Headers,
    IReadOnlyList<QueryNode> Queries,
    Template? Body,
    IReadOnlyList<CaptureNode> Captures,
    IReadOnlyList<AssertionNode> Assertions,
    StepOptions Options);

public sealed record HeaderNode(string Name, Template Value, SourceSpan Span);

public sealed record QueryNode(string Name, Template Value, SourceSpan Span);

/// <summary><c>name: path</c> or <c>name = path</c> in <c>[Captures]</c>.</summary>
public sealed record CaptureNode(string Name, ValuePath Path, SourceSpan Span);

/// <summary>
/// Step directives. <see cref="MaxDurationMs"/> is also turned into an implicit <c>duration &lt;</c>
/// assertion by the parser. <see cref="Think"/> is the pause after the step (<c>@think 1s</c>), null when none.
/// <see cref="Http2"/> (<c>@http2</c>) sends the step over HTTP/2, as <c>pacer load --http2</c> would.
/// </summary>
public sealed record StepOptions(
    int Retry,
    int RetryWaitMs,
    double? MaxDurationMs,
    double? TimeoutMs,
    bool Once,
    ThinkTime? Think,
    bool Http2 = false)
{
    public const int DefaultRetryWaitMs = 1000;

    public static StepOptions Default { get; } = new(0, DefaultRetryWaitMs, null, null, false, null);
}
