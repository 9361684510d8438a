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
        var pending = 1;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            foreach (var offset in _schedule.StartOffsets())
            {
                var wait = offset - Time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Time, cancellationToken).ConfigureAwait(false);
                }

                if (!TryRentVu(out var vu))
                {
                    CountDropped();
                    continue;
                }

                var scheduled = start + (long)(offset.TotalSeconds * Time.TimestampFrequency);
                var context = new IterationContext(vu, NextIterationNumber(), scheduled);
                Interlocked.Increment(ref pending);
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await RunIterationAsync(context, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            ReturnVu(vu);
                            if (Interlocked.Decrement(ref pending) == 0)
                            {
                                allDone.TrySetResult();
                            }
                        }
                    },
                    CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early: still wait below for the iterations already running to wind down.
        }
        finally
        {
            if (Interlocked.Decrement(ref pending) == 0)
            {
                allDone.TrySetResult();
            }
        }

        await allDone.Task.ConfigureAwait(false);
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
