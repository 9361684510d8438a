namespace Pacer.Load.Metrics;

/// <summary>Lock-free counters and histogram for one step; many virtual users record into it at once.</summary>
public sealed class StepRecorder
{
    private readonly long[] _failures = new long[Enum.GetValues<FailureKind>().Length];
    private long _requests;

    public LatencyHistogram Latency { get; } = new();

    public void Record(TimeSpan latency, FailureKind? failure = null) =>
        RecordNanoseconds(latency.Ticks * 100, failure);

    public void RecordNanoseconds(long latencyNanoseconds, FailureKind? failure = null)
    {
        Interlocked.Increment(ref _requests);
        if (failure is { } kind)
        {
            Interlocked.Increment(ref _failures[(int)kind]);
        }

        Latency.RecordNanoseconds(latencyNanoseconds);
    }

    public StepMetrics Snapshot()
    {
        var failures = new Dictionary<FailureKind, long>();
        foreach (var kind in Enum.GetValues<FailureKind>())
        {
            var count = Volatile.Read(ref _failures[(int)kind]);
            if (count != 0)
            {
                failures[kind] = count;
            }
        }

        return new StepMetrics(Volatile.Read(ref _requests), failures, Latency.Snapshot());
    }
}
