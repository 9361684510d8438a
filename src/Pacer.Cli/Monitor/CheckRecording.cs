using Pacer.Core.Execution;
using Pacer.Load.Metrics;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Records one checked step into load metrics the way a load run records it: a request with the
/// judge's failure kind, and a check; a skipped step is a check that did not pass, with no request.
/// </summary>
public static class CheckRecording
{
    public static void Record(LoadMetrics metrics, string name, StepResult step)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(step);
        var recorder = metrics.Step(name);
        if (step.Status == StepStatus.Skipped)
        {
            recorder.RecordSkipped();
            return;
        }

        if (step.Request is not null)
        {
            recorder.Record(step.Duration, step.Failure);
        }

        recorder.RecordCheck(step.Passed);
    }
}
