using Pacer.Core.Judge;
using System.Collections.Concurrent;

namespace Pacer.Load.Metrics;

/// <summary>
/// The live metrics of one load run: every request is recorded against its step once; the run's
/// totals are the steps merged when a snapshot is taken (histograms merge exactly), so the hot
/// path writes one set of counters, not two. Executors and the HTTP path write; thresholds and
/// reports read snapshots.
/// </summary>
public sealed class LoadMetrics
{
    private readonly ConcurrentDictionary<string, StepRecorder> _steps = new(StringComparer.Ordinal);
    private long _droppedIterations;

    public long DroppedIterations => Volatile.Read(ref _droppedIterations);

    /// <summary>The recorder for <paramref name="step"/>; look it up once per step and keep it, the hot path then never touches the dictionary.</summary>
    public StepRecorder Step(string step) => _steps.GetOrAdd(step, static _ => new StepRecorder());

    public void RecordRequest(string step, TimeSpan latency, FailureKind? failure = null) =>
        Step(step).Record(latency, failure);

    public void RecordDroppedIteration() => Interlocked.Increment(ref _droppedIterations);

    public LoadSummary Snapshot(TimeSpan elapsed)
    {
        var steps = _steps.ToDictionary(pair => pair.Key, pair => pair.Value.Snapshot(), StringComparer.Ordinal);
        return new(elapsed, StepMetrics.Combine(steps.Values), steps, DroppedIterations);
    }
}
