using System.Collections.Concurrent;

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
    private readonly ConcurrentStack<int> _freeVus = new();
    private int _allocatedVus;
    private int _pending;
    private TaskCompletionSource? _allDone;

    protected ArrivalRateExecutor(IReadOnlyList<Stage> stages, int preAllocatedVus, int maxVus, LoadIteration iteration, ExecutorOptions? options)
        : base(iteration, options)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentOutOfRangeException.ThrowIfLessThan(preAllocatedVus, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVus, Math.Max(1, preAllocatedVus));
        if (stages.Any(s => s.From < 0 || s.To < 0 || s.Duration < TimeSpan.Zero))
        {
            throw new ArgumentException("Rates and durations cannot be negative.", nameof(stages));
        }

        _schedule = new ArrivalSchedule(stages);
        MaxVus = maxVus;
        for (var vu = preAllocatedVus - 1; vu >= 0; vu--)
        {
            _freeVus.Push(vu);
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

                Dispatch(due, cancellationToken);
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

                Dispatch(DueTimestamp(start, offset), cancellationToken);
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
    /// It runs inline until its first await (normally the send), so no thread-pool queue sits
    /// between the schedule and the request; the rest continues wherever the response arrives.
    /// </summary>
    private void Dispatch(long scheduled, CancellationToken cancellationToken)
    {
        if (!TryRentVu(out var vu))
        {
            CountDropped();
            return;
        }

        Interlocked.Increment(ref _pending);
        _ = RunAndReturnVuAsync(new IterationContext(vu, NextIterationNumber(), scheduled), cancellationToken);
    }

    private async Task RunAndReturnVuAsync(IterationContext context, CancellationToken cancellationToken)
    {
        try
        {
            await RunIterationAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReturnVu(context.VuId);
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _allDone!.TrySetResult();
            }
        }
    }

    private void SchedulerDone()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _allDone!.TrySetResult();
        }
    }

    private bool TryRentVu(out int vu)
    {
        if (!_freeVus.TryPop(out vu))
        {
            var allocated = Interlocked.Increment(ref _allocatedVus);
            if (allocated > MaxVus)
            {
                Interlocked.Decrement(ref _allocatedVus);
                return false;
            }

            vu = allocated - 1;
        }

        VuStarted();
        return true;
    }

    private void ReturnVu(int vu)
    {
        VuStopped();
        _freeVus.Push(vu);
    }
}
