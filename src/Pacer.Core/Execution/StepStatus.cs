namespace Pacer.Core.Execution;

/// <summary>How one step ended. A skipped step never sent a request.</summary>
public enum StepStatus
{
    Passed,
    Failed,
    Skipped,
}
