namespace Pacer.Load.Metrics;

/// <summary>
/// Per-second requests, errors, latency percentiles, active VUs, iterations started and dropped,
/// for the run and for each step. Steps record into their own <see cref="TimeSeriesChannel"/>
/// (a small ring of per-second histograms); recordings made on the series itself go to a channel
/// of its own. <see cref="Flush"/> (called by one ticker, about once a second) closes seconds
/// that are over: each channel's second becomes a step point, their histograms merged the run's
/// point, and the slots are recycled. Memory is a few histograms per channel plus one small record
/// per second, capped at <c>capacity</c> points.
/// </summary>
public sealed class TimeSeries
{
    // A second is closed one full second after it ends so late recordings still land in it;
    // four slots leave room for a ticker that is a second late.
    private const int SlotCount = 4;
    private const long GraceSeconds = 1;

    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly Slot[] _slots;
    private readonly TimeSeriesChannel _unnamed;
    private readonly List<TimeSeriesChannel> _channels = [];
    private readonly LatencyHistogram _merged = new();
    private readonly Queue<TimeSeriesPoint> _points = new();
    private readonly Lock _flushLock = new();
    private long _start;
    private long _nextSecondToClose;
    private int _carriedVus;

    public TimeSeries(TimeProvider time, int capacity = 86_400)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _start = time.GetTimestamp();
        _capacity = capacity;
        _slots = [.. Enumerable.Range(0, SlotCount).Select(_ => new Slot())];
        _unnamed = new TimeSeriesChannel(this, "", SlotCount);
        _channels.Add(_unnamed);
    }

    /// <summary>
    /// Raised (under the flush, from the thread that flushes) for each second as it closes, with its
    /// histogram, when someone needs more than the point (a distributed run's agent). Keep it short.
    /// </summary>
    public event Action<TimeSeriesSecond>? SecondClosed;

    /// <summary>Points that fell out of the capped window (the oldest go first).</summary>
    public long DroppedPoints { get; private set; }

    /// <summary>
    /// Makes <paramref name="timestamp"/> second 0: the run calls it the moment its load starts, after
    /// compiling, so that seconds line up with the executors' schedule. Only before anything is recorded.
    /// </summary>
    public void StartAt(long timestamp)
    {
        lock (_flushLock)
        {
            _start = timestamp;
        }
    }

    /// <summary>The channel of step <paramref name="name"/>, made on first use: look it up once and keep it.</summary>
    public TimeSeriesChannel Channel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_flushLock)
        {
            var channel = _channels.Find(c => c.Name == name && !ReferenceEquals(c, _unnamed));
            if (channel is null)
            {
                channel = new TimeSeriesChannel(this, name, SlotCount);
                _channels.Add(channel);
            }

            return channel;
        }
    }

    public void Record(TimeSpan latency, bool failed) => RecordNanoseconds(latency.Ticks * 100, failed);

    public void RecordNanoseconds(long latencyNanoseconds, bool failed) =>
        RecordNanoseconds(latencyNanoseconds, failed, _time.GetTimestamp());

    /// <summary>Records a request that belongs to no step's channel and ended at <paramref name="endTimestamp"/>.</summary>
    public void RecordNanoseconds(long latencyNanoseconds, bool failed, long endTimestamp) =>
        _unnamed.RecordNanoseconds(latencyNanoseconds, failed, endTimestamp);

    /// <summary>Counts an iteration that starts now.</summary>
    public void RecordIterationStarted() => Interlocked.Increment(ref _slots[CurrentSecond() % SlotCount].Iterations);

    /// <summary>Counts an iteration that was due now but found no free VU (open model).</summary>
    public void RecordDropped() => Interlocked.Increment(ref _slots[CurrentSecond() % SlotCount].Dropped);

    /// <summary>Tells the series how many VUs are active now (from the VUs' threads, as the count changes): each second reports the most it saw.</summary>
    public void ObserveActiveVus(int activeVus) => RaiseMax(_slots[CurrentSecond() % SlotCount], activeVus);

    /// <summary>
    /// The VU count read by one thread about once a second (the run's ticker). Changes seen from many
    /// threads at once may arrive out of order, a reading from one thread cannot, so a second that
    /// got no reading of its own (the run's last, partial one) starts from the last reading: a
    /// constant-VU run reports its VUs to its end, not the 63 of the first VU that stopped.
    /// </summary>
    public void SampleActiveVus(int activeVus)
    {
        var slot = _slots[CurrentSecond() % SlotCount];
        Volatile.Write(ref slot.Sample, activeVus);
        Volatile.Write(ref slot.Sampled, 1);
        RaiseMax(slot, activeVus);
    }

    private static void RaiseMax(Slot slot, int activeVus)
    {
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
    public void Flush() => CloseThrough(CurrentSecond() - GraceSeconds - 1, lastLength: 1);

    /// <summary>
    /// Closes everything up to and including the current second, at the end of a run. The current
    /// second is partial: its point says how much of it the run lasted (<see cref="TimeSeriesPoint.LengthSeconds"/>).
    /// </summary>
    public void Complete()
    {
        var elapsed = ElapsedSeconds();
        var last = (long)Math.Floor(elapsed);
        CloseThrough(last, lastLength: Math.Round(elapsed - last, 6));
    }

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

    /// <summary>Each step's closed seconds, by step name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StepSecond>> StepPoints
    {
        get
        {
            lock (_flushLock)
            {
                return _channels.Where(c => !ReferenceEquals(c, _unnamed)).ToDictionary(c => c.Name, c => c.Points, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// The last second that has ended, closed or not: what a live display shows as "the last second"
    /// (a second is only closed a second later, so this does not wait for it). Null before one ended.
    /// </summary>
    public TimeSeriesPoint? LastSecond()
    {
        lock (_flushLock)
        {
            var second = CurrentSecond() - 1;
            if (second < 0)
            {
                return null;
            }

            if (second < _nextSecondToClose)
            {
                return _points.LastOrDefault(p => p.Second == second);
            }

            return Summarize(second, 1, reset: false);
        }
    }

    internal long SecondOf(long timestamp) => Math.Max(0, (timestamp - Volatile.Read(ref _start)) / _time.TimestampFrequency);

    private long CurrentSecond() => SecondOf(_time.GetTimestamp());

    private double ElapsedSeconds() => Math.Max(0, (_time.GetTimestamp() - Volatile.Read(ref _start)) / (double)_time.TimestampFrequency);

    private void CloseThrough(long lastSecond, double lastLength)
    {
        lock (_flushLock)
        {
            for (; _nextSecondToClose <= lastSecond; _nextSecondToClose++)
            {
                var second = _nextSecondToClose;
                var point = Summarize(second, second == lastSecond ? lastLength : 1, reset: true);

                // A run that ends on a second boundary leaves an empty sliver of a second: no point for it.
                if (point.LengthSeconds < 0.001 && point.Requests == 0 && point.Iterations == 0)
                {
                    continue;
                }

                _points.Enqueue(point);
                SecondClosed?.Invoke(new TimeSeriesSecond(second, _merged.ToData(), point.Errors, point.ActiveVus));
                if (_points.Count > _capacity)
                {
                    _points.Dequeue();
                    DroppedPoints++;
                }
            }
        }
    }

    // Under _flushLock. With reset, the second is closed: its VU reading carries into the next and its slots are recycled.
    private TimeSeriesPoint Summarize(long second, double length, bool reset)
    {
        _merged.Reset();
        long errors = 0;
        foreach (var channel in _channels)
        {
            _merged.Add(channel.LatencyOf(second));
            errors += channel.ErrorsOf(second);
            if (reset)
            {
                channel.Close(second, _capacity);
            }
        }

        var slot = _slots[second % SlotCount];
        var sampled = Volatile.Read(ref slot.Sampled) != 0;
        var vus = sampled ? Volatile.Read(ref slot.MaxVus) : Math.Max(_carriedVus, Volatile.Read(ref slot.MaxVus));
        var summary = _merged.Summarize();
        var point = new TimeSeriesPoint(second, summary.Count, errors, summary.P50, summary.P95, summary.P99, vus)
        {
            Iterations = Volatile.Read(ref slot.Iterations),
            Dropped = Volatile.Read(ref slot.Dropped),
            LengthSeconds = Math.Clamp(length, 0, 1),
        };

        if (reset)
        {
            if (sampled)
            {
                _carriedVus = Volatile.Read(ref slot.Sample);
            }

            slot.Clear();
        }

        return point;
    }

    private sealed class Slot
    {
        public int MaxVus;
        public int Sample;
        public int Sampled;
        public long Iterations;
        public long Dropped;

        public void Clear()
        {
            MaxVus = 0;
            Sample = 0;
            Sampled = 0;
            Iterations = 0;
            Dropped = 0;
        }
    }
}
