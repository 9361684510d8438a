using Pacer.Core.Plan;
namespace Pacer.Load.Executors;

/// <summary>The closed model with a changing VU count (k6's ramping-vus): <c>stages="30s:0->50, 1m:50, 10s:50->0"</c>.</summary>
public sealed record RampingVusConfig(IReadOnlyList<Stage> Stages) : ExecutorConfig
{
    public const string Name = "ramping-vus";

    public static ExecutorType Registration { get; } = new(Name, ["stages"], ["stages"], Read);

    public override string Type => Name;

    /// <summary>
    /// Splitting: at every moment the whole test wants L VUs (VUs 0 … L−1); a segment runs those of
    /// them it owns, <c>Segment.Share(L)</c>, so the segments' VU counts add up to L at every moment
    /// and a VU is the same VU (same number, same data row) whichever way the count moves.
    /// </summary>
    public override int PeakVus => Segment.Share((int)Math.Ceiling(Stages.Max(s => Math.Max(s.From, s.To))));

    public override TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public static ExecutorConfig Read(ExecutorSettings settings)
    {
        var stages = settings.Stages("stages", rate: false);
        if (stages.All(s => s.From == 0 && s.To == 0))
        {
            settings.Error("stages never ask for a VU: at least one stage needs a level above 0", "stages");
        }

        return new RampingVusConfig(stages);
    }

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options) =>
        new RampingVusExecutor(Stages, iteration, options, share: Segment.IsWhole ? null : Segment.Share);

    /// <summary>A ramp warms up at its first non-zero VU count.</summary>
    public override ExecutorConfig WarmUp(TimeSpan duration)
    {
        var first = Stages.Select(s => s.From > 0 ? s.From : s.To).FirstOrDefault(level => level > 0);
        return new ConstantVusConfig(Math.Max(1, (int)Math.Ceiling(first)), duration) { Settings = Settings, Think = Think, GracefulStop = TimeSpan.Zero, Segment = Segment };
    }
}

/// <summary>
/// The closed model with a changing VU count (k6's ramping-vus): a controller recomputes the
/// target from the stages every <see cref="TickInterval"/>; VUs below the target loop the
/// iteration, VUs above it finish their current iteration and then wait (graceful ramp-down).
/// </summary>
public sealed class RampingVusExecutor : LoadExecutor
{
    private readonly IReadOnlyList<Stage> _stages;
    private readonly Func<int, int> _share;
    private TaskCompletionSource _targetChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _targetVus;
    private int _controllerTicks;
    private volatile bool _finished;

    /// <param name="share">For a segment: how many of the whole test's first L VUs are this segment's (see <see cref="RampingVusConfig.PeakVus"/>).</param>
    public RampingVusExecutor(IReadOnlyList<Stage> stages, LoadIteration iteration, ExecutorOptions? options = null, TimeSpan? tickInterval = null, Func<int, int>? share = null)
        : base(iteration, options)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0 || stages.Any(s => s.From < 0 || s.To < 0 || s.Duration < TimeSpan.Zero))
        {
            throw new ArgumentException("Stages need at least one stage with non-negative VUs and durations.", nameof(stages));
        }

        _stages = stages;
        _share = share ?? (vus => vus);
        TickInterval = tickInterval ?? TimeSpan.FromMilliseconds(100);
        MaxVus = _share((int)Math.Ceiling(stages.Max(s => Math.Max(s.From, s.To))));
        TotalDuration = stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
    }

    public static RampingVusExecutor FromText(string stages, LoadIteration iteration, ExecutorOptions? options = null) =>
        new(StageParser.ParseVuStages(stages), iteration, options);

    public TimeSpan TickInterval { get; }

    public int MaxVus { get; }

    public override TimeSpan TotalDuration { get; }

    /// <summary>How many VUs the stages ask for right now.</summary>
    public int TargetVus => Volatile.Read(ref _targetVus);

    internal int ControllerTicks => Volatile.Read(ref _controllerTicks);

    /// <summary>The VU count the stages ask for (this segment's share of it) <paramref name="elapsed"/> into the run.</summary>
    public int TargetAt(TimeSpan elapsed)
    {
        foreach (var stage in _stages)
        {
            if (elapsed < stage.Duration)
            {
                return _share((int)Math.Round(stage.LevelAt(elapsed)));
            }

            elapsed -= stage.Duration;
        }

        return _share((int)Math.Round(_stages[^1].To));
    }

    protected override async Task ExecuteAsync(long start, CancellationToken cancellationToken)
    {
        SetTarget(TargetAt(TimeSpan.Zero));
        var vus = Enumerable.Range(0, MaxVus)
            .Select(vu => Task.Run(() => RunVuAsync(vu, start, cancellationToken), CancellationToken.None))
            .ToArray();
        try
        {
            while (Time.GetElapsedTime(start) < TotalDuration)
            {
                await Task.Delay(TickInterval, Time, cancellationToken).ConfigureAwait(false);
                SetTarget(TargetAt(Time.GetElapsedTime(start)));
                Interlocked.Increment(ref _controllerTicks);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early; the VUs see the same token.
        }
        finally
        {
            _finished = true;
            SetTarget(0);
        }

        await Task.WhenAll(vus).ConfigureAwait(false);
    }

    private void SetTarget(int target)
    {
        if (Interlocked.Exchange(ref _targetVus, target) != target || _finished)
        {
            Interlocked.Exchange(ref _targetChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task RunVuAsync(int vu, long start, CancellationToken cancellationToken)
    {
        var active = false;
        try
        {
            while (!_finished && !cancellationToken.IsCancellationRequested)
            {
                // Take the signal before reading the target so a change in between is not missed.
                var changed = Volatile.Read(ref _targetChanged).Task;
                if (vu >= TargetVus)
                {
                    if (active)
                    {
                        active = false;
                        VuStopped();
                    }

                    await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!active)
                {
                    active = true;
                    VuStarted();
                }

                await RunIterationAsync(new IterationContext(vu, NextIterationNumber(), Time.GetTimestamp()), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The hard stop while parked.
        }
        finally
        {
            if (active)
            {
                VuStopped();
            }
        }
    }
}
