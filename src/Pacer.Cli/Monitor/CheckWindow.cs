using Pacer.Core.Execution;
using Pacer.Load.Metrics;

namespace Pacer.Cli.Monitor;

/// <summary>
/// The last <see cref="Size"/> checks of one flow, as request metrics, so thresholds such as
/// <c>p95&lt;300ms</c> or <c>errors&lt;5%</c> judge a window of recent checks rather than one sample.
/// </summary>
public sealed class CheckWindow(int size)
{
    private readonly Queue<(DateTimeOffset At, IReadOnlyList<StepResult> Steps)> checks = new();

    public int Size { get; } = size;

    public int Count => checks.Count;

    public void Add(DateTimeOffset at, FlowRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        checks.Enqueue((at, result.Steps));
        while (checks.Count > Size)
        {
            checks.Dequeue();
        }
    }

    /// <summary>The window as a load summary (steps by name), for <see cref="Pacer.Load.Thresholds.ThresholdEvaluator"/>.</summary>
    public LoadSummary Summarize(TimeSpan interval)
    {
        var metrics = new LoadMetrics();
        foreach (var (_, steps) in checks)
        {
            foreach (var step in steps)
            {
                CheckRecording.Record(metrics, step.Step.Name, step);
            }
        }

        // rps over a monitor window means checks per second: the window spans Count intervals.
        return metrics.Snapshot(interval * Math.Max(1, checks.Count));
    }
}
