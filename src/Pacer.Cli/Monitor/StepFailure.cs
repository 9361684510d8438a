using Pacer.Core.Execution;
using Pacer.Load.Metrics;

namespace Pacer.Cli.Monitor;

/// <summary>How a functional step's failure maps onto the load failure kinds the metrics count.</summary>
public static class StepFailure
{
    public static FailureKind? KindOf(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Status != StepStatus.Failed)
        {
            return null;
        }

        return step.Response?.Status switch
        {
            >= 500 => FailureKind.ServerError5xx,
            >= 400 => FailureKind.ClientError4xx,
            not null => FailureKind.AssertionFailed,
            null when step.Reason?.Contains("timed out", StringComparison.OrdinalIgnoreCase) == true => FailureKind.Timeout,
            null when step.Reason?.Contains("reset", StringComparison.OrdinalIgnoreCase) == true => FailureKind.ConnectionReset,
            null => FailureKind.ConnectionRefused,
        };
    }
}
