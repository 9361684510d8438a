namespace Pacer.Load.Metrics;

/// <summary>
/// What thresholds and reports read: the whole run, each step by name, and how long it ran.
/// Taken as a snapshot so it can be evaluated live while recording continues.
/// </summary>
public sealed record LoadSummary(
    TimeSpan Elapsed,
    StepMetrics Overall,
    IReadOnlyDictionary<string, StepMetrics> Steps,
    long DroppedIterations = 0)
{
    public double RequestsPerSecond => Elapsed <= TimeSpan.Zero ? 0 : Overall.Requests / Elapsed.TotalSeconds;
}
