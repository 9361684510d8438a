using System.Runtime.CompilerServices;
using Pacer.Load.Metrics;

namespace Pacer.Load.Executors;

/// <summary>
/// The shared base of every executor: runs iterations, measures each from its scheduled start
/// into <see cref="IterationDurations"/>, counts outcomes and tracks active VUs. An iteration
/// that throws is counted as failed, never fatal; cancellation at the hard stop is not a failure.
/// </summary>
public abstract class LoadExecutor
{
    private long _started;
    private long _completed;
    private long _failed;
    private long _dropped;
    private long _nextIteration;
    private int _activeVus;
    private int _peakVus;

    protected LoadExecutor(LoadIteration iteration, ExecutorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        Iteration = iteration;
        Options = options ?? new ExecutorOptions();
    }

    public ExecutorOptions Options { get; }

    protected TimeProvider Time => Options.Time;

    protected LoadIteration Iteration { get; }

    /// <summary>Iteration durations from scheduled start to end.</summary>
    public LatencyHistogram IterationDurations { get; } = new();

    public int ActiveVus => Volatile.Read(ref _activeVus);

    public long DroppedIterations => Volatile.Read(ref _dropped);

    /// <summary>Raised (on the VU's thread) whenever the active VU count changes, e.g. to feed <see cref="TimeSeries.ObserveActiveVus"/>.</summary>
    public event Action<int>? ActiveVusChanged;

    public async Task<ExecutorResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var start = Time.GetTimestamp();
        // The hard stop: the schedule plus the grace period, after which iterations are cancelled.
        using var hardStop = new CancellationTokenSource(TotalDuration + Options.GracefulStop, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(hardStop.Token, cancellationToken);
        try
        {
            await ExecuteAsync(start, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Stopping at the hard stop or on request is the normal end of a run.
        }

        return CountsSoFar(Time.GetElapsedTime(start));
    }

    /// <summary>The counts so far, while the run goes (a distributed agent's live result).</summary>
    public ExecutorResult CountsSoFar(TimeSpan elapsed) => new(
        Volatile.Read(ref _started),
        Volatile.Read(ref _completed),
        Volatile.Read(ref _failed),
        DroppedIterations,
        Volatile.Read(ref _peakVus),
        elapsed);

    /// <summary>How long the schedule lasts (iterations start only within it).</summary>
    public abstract TimeSpan TotalDuration { get; }

    /// <summary>Runs the schedule starting at timestamp <paramref name="start"/>; returns once every started iteration has ended.</summary>
    protected abstract Task ExecuteAsync(long start, CancellationToken cancellationToken);

    protected long NextIterationNumber() => Interlocked.Increment(ref _nextIteration) - 1;

    protected void CountDropped() => Interlocked.Increment(ref _dropped);

    protected void VuStarted()
    {
        var active = Interlocked.Increment(ref _activeVus);
        var peak = Volatile.Read(ref _peakVus);
        while (active > peak && Interlocked.CompareExchange(ref _peakVus, active, peak) != peak)
        {
            peak = Volatile.Read(ref _peakVus);
        }

        ActiveVusChanged?.Invoke(active);
    }

    protected void VuStopped()
    {
        // Decrement outside the ?.Invoke: its arguments are skipped when nobody listens.
        var active = Interlocked.Decrement(ref _activeVus);
        ActiveVusChanged?.Invoke(active);
    }

    /// <summary>
    /// Runs one iteration and records its duration from <paramref name="context"/>'s scheduled start.
    /// Returns the timestamp it ended at, which a closed-model VU uses as the next iteration's
    /// start and to check its deadline, so the loop reads the clock once per iteration.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    protected async ValueTask<long> RunIterationAsync(IterationContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        try
        {
            await Iteration(context, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _completed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Time.GetTimestamp();
        }
#pragma warning disable CA1031 // A failing iteration is counted, not fatal: load goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
        }

        return RecordDuration(context);
    }

    /// <summary>
    /// The closed model's VU: iterations back to back while <paramref name="keepGoing"/> (given the
    /// timestamp the last one ended) holds, each starting when the last ended. The iteration is
    /// awaited here, not through <see cref="RunIterationAsync"/>: one state machine less to resume
    /// per iteration, on the path <c>pacer load --vus</c> spends its time in. Counting is the same.
    /// </summary>
    protected async Task RunBackToBackAsync(int vu, Func<long, bool> keepGoing, CancellationToken cancellationToken)
    {
        var now = Time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested && keepGoing(now))
        {
            var context = new IterationContext(vu, NextIterationNumber(), now);
            Interlocked.Increment(ref _started);
            try
            {
                await Iteration(context, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _completed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing iteration is counted, not fatal: load goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failed);
            }

            now = RecordDuration(context);
        }
    }

    private long RecordDuration(IterationContext context)
    {
        var end = Time.GetTimestamp();
        IterationDurations.RecordNanoseconds(Time.GetElapsedTime(context.ScheduledStart, end).Ticks * 100);
        return end;
    }
}
