using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Execution;

/// <summary>Lets a caller watch a run as it happens (the console); reports read the final result instead.</summary>
public interface IRunObserver
{
    void FlowStarted(FlowDocument flow);

    void StepCompleted(FlowDocument flow, StepResult result);

    void FlowCompleted(FlowDocument flow, FlowRunResult outcome);
}
