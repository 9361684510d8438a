namespace Pacer.Load.Metrics;

/// <summary>
/// One step's share of a <see cref="TimeSeries"/>: its own ring of per-second histograms and error
/// counts. A request is recorded once, here; the run's per-second point is the channels' seconds
/// merged when the second closes (histograms merge exactly), as <see cref="LoadMetrics"/> does for
/// the totals. Recording is lock-free and allocation-free.
/// </summary>
public sealed class TimeSeriesChannel
{
    private readonly TimeSeries _owner;
    private readonly Slot[] _slots;
    private readonly Queue<StepSecond> _points = new();

    internal TimeSeriesChannel(TimeSeries owner, string name, int slotCount)
    {
        _owner = owner;
        Name = name;
        _slots = [.. Enumerable.Range(0, slotCount).Select(_ => new Slot())];
    }

    public string Name { get; }

    /// <summary>Records a request that ended at <paramref name="endTimestamp"/> (a timestamp of the series' clock).</summary>
    public void RecordNanoseconds(long latencyNanoseconds, bool failed, long endTimestamp)
    {
        var slot = _slots[_owner.SecondOf(endTimestamp) % _slots.Length];
        slot.Latency.RecordNanoseconds(latencyNanoseconds);
        if (failed)
        {
            Interlocked.Increment(ref slot.Errors);
        }
    }

    /// <summary>The step's closed seconds, oldest first.</summary>
    public IReadOnlyList<StepSecond> Points
    {
        get
        {
            lock (_points)
            {
                return [.. _points];
            }
        }
    }

    internal LatencyHistogram LatencyOf(long second) => _slots[second % _slots.Length].Latency;

    internal long ErrorsOf(long second) => Volatile.Read(ref _slots[second % _slots.Length].Errors);

    /// <summary>Turns <paramref name="second"/> into a point (skipped when the step had no request then, to keep files small) and recycles its slot.</summary>
    internal void Close(long second, int capacity)
    {
        var slot = _slots[second % _slots.Length];
        var summary = slot.Latency.Summarize();
        if (summary.Count > 0 || slot.Errors > 0)
        {
            lock (_points)
            {
                _points.Enqueue(new StepSecond(second, summary.Count, slot.Errors, summary.P50, summary.P95, summary.P99));
                if (_points.Count > capacity)
                {
                    _points.Dequeue();
                }
            }
        }

        slot.Latency.Reset();
        slot.Errors = 0;
    }

    private sealed class Slot
    {
        public readonly LatencyHistogram Latency = new();
        public long Errors;
    }
}
