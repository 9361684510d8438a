namespace Pacer.Core.Execution;

/// <summary>The outcome of one <c>pacer run</c>: every flow in name order.</summary>
public sealed record RunResult(IReadOnlyList<FlowRunResult> Flows, DateTimeOffset StartedAt, TimeSpan Duration)
{
    public bool Passed => Flows.All(f => f.Passed);

    /// <summary>True when the run was stopped by its operator: it could not be carried out in full (exit 3).</summary>
    public bool Interrupted => Flows.Any(f => f.Interrupted);

    public IEnumerable<StepResult> Steps => Flows.SelectMany(f => f.Steps);
}
