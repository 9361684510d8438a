using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Execution;

/// <summary>The outcome of running one flow file. A flow passes when none of its steps failed or was skipped.</summary>
public sealed record FlowRunResult(
    string Path,
    string Name,
    FlowMetadata Metadata,
    IReadOnlyList<StepResult> Steps,
    DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    public bool Passed => Steps.All(s => s.Status == StepStatus.Passed);

    public int PassedCount => Steps.Count(s => s.Status == StepStatus.Passed);

    public int FailedCount => Steps.Count(s => s.Status == StepStatus.Failed);

    public int SkippedCount => Steps.Count(s => s.Status == StepStatus.Skipped);

    /// <summary>True when Ctrl-C (or SIGTERM) stopped the flow before all its steps ran.</summary>
    public bool Interrupted { get; init; }
}
