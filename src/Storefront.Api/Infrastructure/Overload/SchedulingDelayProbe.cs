using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.Overload;

/// <summary>
/// How long work waits in the thread pool's queue before a thread runs it, measured every few milliseconds by a
/// dedicated thread that posts a tiny work item and times it. Requests wait there too (Kestrel hands each
/// connection's bytes to the pool before any middleware sees them), and a concurrency limit cannot see that wait:
/// on one saturated core the requests in progress stayed under the limit while clients queued for seconds. A long
/// queue delay is the signal that the server is past capacity even though the limit has room.
/// </summary>
public sealed class SchedulingDelayProbe : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _ran = new(false);
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _recent = new long[3];
    private int _next;
    private long _outstandingSince;

    public SchedulingDelayProbe(IOptions<OverloadOptions> options)
    {
        _thread = new Thread(Probe) { IsBackground = true, Name = "scheduling-delay-probe" };
        // Nothing reads the delay when the check is off: no thread waking every few milliseconds for nothing.
        if (options.Value.Enabled && options.Value.MaxQueueDelay > TimeSpan.Zero)
        {
            _thread.Start();
        }
    }

    /// <summary>
    /// The queueing delay work meets now: the least of the last three measurements (so one preemption or GC pause
    /// does not count as overload), or half of how long the probe in flight has waited so far, when a stuck queue
    /// makes that larger (so a pool that stops draining is seen at once, not after three probes).
    /// </summary>
    public TimeSpan Delay
    {
        get
        {
            var sustained = Math.Min(Volatile.Read(ref _recent[0]), Math.Min(Volatile.Read(ref _recent[1]), Volatile.Read(ref _recent[2])));
            var since = Volatile.Read(ref _outstandingSince);
            var waiting = since == 0 ? 0 : (Stopwatch.GetTimestamp() - since) / 2;
            return Stopwatch.GetElapsedTime(0, Math.Max(sustained, waiting));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _ran.Set();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(1));
        }

        _stop.Dispose();
    }

    private void Probe()
    {
        while (!_stop.IsCancellationRequested)
        {
            _ran.Reset();
            var posted = Stopwatch.GetTimestamp();
            Volatile.Write(ref _outstandingSince, posted);
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Ran(), this, preferLocal: false);
            _ran.Wait(TimeSpan.FromSeconds(5));
            _stop.Token.WaitHandle.WaitOne(Interval);
        }
    }

    private void Ran()
    {
        var posted = Volatile.Read(ref _outstandingSince);
        Volatile.Write(ref _recent[_next], Stopwatch.GetTimestamp() - posted);
        _next = (_next + 1) % _recent.Length;
        Volatile.Write(ref _outstandingSince, 0);
        _ran.Set();
    }
}
