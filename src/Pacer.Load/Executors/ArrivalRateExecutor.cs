using Pacer.Core.Plan;
using System.Runtime.CompilerServices;
using Pacer.Core.Http.Engine;

namespace Pacer.Load.Executors;

/// <summary>
/// The open model shared by the arrival-rate executors: iterations start when the
/// <see cref="ArrivalSchedule"/> says, whether or not earlier ones finished, each on a free VU;
/// with none free and <see cref="MaxVus"/> reached, the iteration is dropped and counted.
/// Durations count from the scheduled start, so a stalled server shows up as latency.
/// </summary>
public abstract class ArrivalRateExecutor : LoadExecutor
{
    private readonly ArrivalSchedule _schedule;
    private readonly Lock _vusLock = new();
    private readonly Stack<VuStart> _freeVus = new();
    private int _allocatedVus;
    private int _pending;
    private TaskCompletionSource? _allDone;

    protected ArrivalRateExecutor(IReadOnlyList<Stage> stages, int preAllocatedVus, int maxVus, LoadIteration iteration, ExecutorOptions? options, ExecutionSegment? segment = null)
        : base(iteration, options)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfLessThan(preAllocatedVus, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVus, Math.Max(1, preAllocatedVus));
        if (stages.Any(s => s.From < 0 || s.To < 0 || s.Duration < TimeSpan.Zero))
        {
            throw new ArgumentException("Rates and durations cannot be negative.", nameof(stages));
        }

        _schedule = new ArrivalSchedule(stages, segment);
        MaxVus = maxVus;
        for (var vu = preAllocatedVus - 1; vu >= 0; vu--)
        {
            _freeVus.Push(new VuStart(this, vu));
        }

        _allocatedVus = preAllocatedVus;
    }

    public int MaxVus { get; }

    public override TimeSpan TotalDuration => _schedule.TotalDuration;

    protected override async Task ExecuteAsync(long start, CancellationToken cancellationToken)
    {
        // Counts the scheduler itself plus every running iteration; whoever takes it to zero ends the run.
        _pending = 1;
        _allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Time == TimeProvider.System)
        {
            // The real clock: a thread of its own that sleeps to the microsecond (see PreciseSleep).
            var scheduler = new Thread(() => ScheduleOnThread(start, cancellationToken)) { IsBackground = true, Name = "pacer-scheduler" };
            scheduler.Start();
        }
        else
        {
            await ScheduleOnTimerAsync(start, cancellationToken).ConfigureAwait(false);
        }

        await _allDone.Task.ConfigureAwait(false);
    }

    private void ScheduleOnThread(long start, CancellationToken cancellationToken)
    {
        PreciseSleep.PrepareThread();
        try
        {
            foreach (var offset in _schedule.StartOffsets())
            {
                var due = DueTimestamp(start, offset);
                PreciseSleep.Until(due, cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                Dispatch(due, onEventLoop: Options.StartOnEngineLoop, cancellationToken);
            }
        }
        finally
        {
            SchedulerDone();
        }
    }

    // A fake clock (tests) only moves through its timers, so waits go through Task.Delay on it.
    private async Task ScheduleOnTimerAsync(long start, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var offset in _schedule.StartOffsets())
            {
                var wait = offset - Time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
                }

                Dispatch(DueTimestamp(start, offset), onEventLoop: false, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early: the iterations already running still wind down.
        }
        finally
        {
            SchedulerDone();
        }
    }

    private long DueTimestamp(long start, TimeSpan offset) => start + (long)(offset.TotalSeconds * Time.TimestampFrequency);

    /// <summary>
    /// Starts the iteration due at <paramref name="scheduled"/> on a free VU, or counts it dropped.
    /// With the real clock and <see cref="ExecutorOptions.StartOnEngineLoop"/> it starts on the
    /// VU's engine event loop (<see cref="EngineLoops"/>), where its request is sent and its
    /// response read, so its async state never changes threads and costs no allocation; the queue
    /// to that loop is part of the latency, which counts from <paramref name="scheduled"/>.
    /// Otherwise (a fake clock, no event loop, or iterations that may block) it runs inline until
    /// its first await.
    /// </summary>
    private void Dispatch(long scheduled, bool onEventLoop, CancellationToken cancellationToken)
    {
        if (!TryRentVu(out var vu))
        {
            CountDropped();
            return;
        }

        Interlocked.Increment(ref _pending);
        vu.Prepare(new IterationContext(vu.Id, NextIterationNumber(), scheduled), cancellationToken);
        if (!onEventLoop || !EngineLoops.TryPost(vu.Id, vu))
        {
            vu.Execute();
        }
    }

    private void IterationEnded(VuStart vu)
    {
        VuStopped();
        lock (_vusLock)
        {
            _freeVus.Push(vu);
        }

        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allDone!.TrySetResult();
        }
    }

    private void SchedulerDone()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allDone!.TrySetResult();
        }
    }

    private bool TryRentVu(out VuStart vu)
    {
        lock (_vusLock)
        {
            if (!_freeVus.TryPop(out vu!))
            {
                if (_allocatedVus >= MaxVus)
                {
                    return false;
                }

                vu = new VuStart(this, _allocatedVus++);
            }
        }

        VuStarted();
        return true;
    }

    /// <summary>
    /// One VU's way of starting an iteration, reused for every iteration it runs: the context is
    /// set, the iteration started, and its end observed through a delegate made once, so starting
    /// and finishing an iteration allocates nothing.
    /// </summary>
    private sealed class VuStart : IThreadPoolWorkItem
    {
        private readonly ArrivalRateExecutor _executor;
        private readonly Action _ended;
        private IterationContext _context;
        private CancellationToken _cancellationToken;
        private ConfiguredValueTaskAwaitable<long>.ConfiguredValueTaskAwaiter _running;

        public VuStart(ArrivalRateExecutor executor, int id)
        {
            _executor = executor;
            Id = id;
            _ended = Ended;
        }

        public int Id { get; }

        public void Prepare(IterationContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _cancellationToken = cancellationToken;
        }

        public void Execute()
        {
#pragma warning disable CA2012 // Consumed exactly once: GetResult in Ended, then the awaiter is cleared.
            _running = _executor.RunIterationAsync(_context, _cancellationToken).ConfigureAwait(false).GetAwaiter();
#pragma warning restore CA2012
            if (_running.IsCompleted)
            {
                Ended();
            }
            else
            {
                _running.UnsafeOnCompleted(_ended);
            }
        }

        private void Ended()
        {
            try
            {
                // RunIterationAsync counts every failure itself; GetResult returns its pooled state.
                _running.GetResult();
            }
            finally
            {
                _running = default;
                // Last: once back on the free list, the scheduler may start this VU's next iteration.
                _executor.IterationEnded(this);
            }
        }
    }
}
