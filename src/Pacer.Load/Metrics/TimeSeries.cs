namespace Pacer.Load.Metrics;

/// <summary>
/// Per-second requests, errors, latency percentiles and active VUs. Recorders write into a small
/// ring of per-second histograms; <see cref="Flush"/> (called by one ticker, about once a second)
/// turns seconds that are over into fixed-size points and recycles their histograms, so memory
/// is a few histograms plus one small record per second, capped at <c>capacity</c> points.
/// </summary>
public sealed class TimeSeries
{
    // A second is closed one full second after it ends so late recordings still land in it;
    // four slots leave room for a ticker that is a second late.
    private const int SlotCount = 4;
    private const long GraceSeconds = 1;

    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly int _capacity;
    private readonly Slot[] _slots;
    private readonly Queue<TimeSeriesPoint> _points = new();
    private readonly Lock _flushLock = new();
    private long _nextSecondToClose;
    private int _lastActiveVus;

    public TimeSeries(TimeProvider time, int capacity = 86_400)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _start = time.GetTimestamp();
        _capacity = capacity;
        _slots = [.. Enumerable.Range(0, SlotCount).Select(_ => new Slot())];
    }

    /// <summary>
    /// Raised (under the flush, from the thread that flushes) for each second as it closes, with its
    /// histogram, when someone needs more than the point (a distributed run's agent). Keep it short.
    /// </summary>
    public event Action<TimeSeriesSecond>? SecondClosed;

    /// <summary>Points that fell out of the capped window (the oldest go first).</summary>
    public long DroppedPoints { get; private set; }

    public void Record(TimeSpan latency, bool failed) => RecordNanoseconds(latency.Ticks * 100, failed);

    public void RecordNanoseconds(long latencyNanoseconds, bool failed) =>
        RecordNanoseconds(latencyNanoseconds, failed, _time.GetTimestamp());

    /// <summary>Records a request that ended at <paramref name="endTimestamp"/> (a timestamp of this series' clock the caller already read).</summary>
    public void RecordNanoseconds(long latencyNanoseconds, bool failed, long endTimestamp)
    {
        var slot = _slots[SecondOf(endTimestamp) % SlotCount];
        slot.Latency.RecordNanoseconds(latencyNanoseconds);
        if (failed)
        {
            Interlocked.Increment(ref slot.Errors);
        }
    }

    /// <summary>Tells the series how many VUs are active now; each second reports the most it saw.</summary>
    public void ObserveActiveVus(int activeVus)
    {
        Volatile.Write(ref _lastActiveVus, activeVus);
        var slot = _slots[CurrentSecond() % SlotCount];
        var current = Volatile.Read(ref slot.MaxVus);
        while (activeVus > current)
        {
            var seen = Interlocked.CompareExchange(ref slot.MaxVus, activeVus, current);
            if (seen == current)
            {
                break;
            }

            current = seen;
        }
    }

    /// <summary>Closes every second that ended more than a second ago.</summary>
    public void Flush() => CloseThrough(CurrentSecond() - GraceSeconds - 1);

    /// <summary>Closes everything up to and including the current second, at the end of a run.</summary>
    public void Complete() => CloseThrough(CurrentSecond());

    public IReadOnlyList<TimeSeriesPoint> Points
    {
        get
        {
            lock (_flushLock)
            {
                return [.. _points];
            }
        }
    }

    private long CurrentSecond() => SecondOf(_time.GetTimestamp());

    private long SecondOf(long timestamp) => Math.Max(0, (timestamp - _start) / _time.TimestampFrequency);

    private void CloseThrough(long lastSecond)
    {
        lock (_flushLock)
        {
            for (; _nextSecondToClose <= lastSecond; _nextSecondToClose++)
            {
                var slot = _slots[_nextSecondToClose % SlotCount];
                var summary = slot.Latency.Summarize();
                var vus = slot.MaxVus > 0 ? slot.MaxVus : Volatile.Read(ref _lastActiveVus);
                _points.Enqueue(new TimeSeriesPoint(_nextSecondToClose, summary.Count, slot.Errors, summary.P50, summary.P95, summary.P99, vus));
                SecondClosed?.Invoke(new TimeSeriesSecond(_nextSecondToClose, slot.Latency.ToData(), slot.Errors, vus));
                if (_points.Count > _capacity)
                {
                    _points.Dequeue();
                    DroppedPoints++;
                }

                slot.Latency.Reset();
                slot.Errors = 0;
                slot.MaxVus = 0;
            }
        }
    }

    private sealed class Slot
    {
        public readonly LatencyHistogram Latency = new();
        public long Errors;
        public int MaxVus;
    }
}
