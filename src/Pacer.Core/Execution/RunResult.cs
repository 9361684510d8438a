namespace Pacer.Core.Execution;

/// <summary>The outcome of one <c>pacer run</c>: every flow in name order.</summary>
public sealed record RunResult(IReadOnlyList<FlowRunResult> Flows, DateTimeOffset StartedAt, TimeSpan Duration)
{
    public bool Passed => Flows.All(f => f.Passed);

    public IEnumerable<StepResult> Steps => Flows.SelectMany(f => f.Steps);
}
