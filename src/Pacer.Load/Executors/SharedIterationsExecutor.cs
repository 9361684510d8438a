namespace Pacer.Load.Executors;

/// <summary>A fixed amount of work (<c>--iterations N</c>): <c>vus</c> VUs share N iterations, within <c>duration</c> (k6's shared-iterations, maxDuration).</summary>
public sealed record SharedIterationsConfig(int Vus, long Iterations, TimeSpan MaxDuration) : ExecutorConfig
{
    public const string Name = "shared-iterations";

    /// <summary>How long a fixed amount of work may take when no duration is given (k6's default maxDuration).</summary>
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromMinutes(10);

    public static ExecutorType Registration { get; } = new(Name, ["iterations"], ["iterations", "vus", "duration"], Read);

    /// <summary>What a run without load settings does: one iteration on one VU, as k6 does.</summary>
    public static SharedIterationsConfig Smoke { get; } = new(1, 1, DefaultMaxDuration);

    public override string Type => Name;

    public override int PeakVus => Segment.Share(WholeVus);

    /// <summary>
    /// Splitting: iteration n of the whole is dealt to VU n mod V (V = the VUs that get any), and a
    /// segment takes the VUs it owns with their iterations. So shares add up to exactly
    /// <see cref="Iterations"/>, and a segment without VUs gets no iterations it could not run.
    /// </summary>
    public long SegmentIterations
    {
        get
        {
            var vus = WholeVus;
            return (Segment.Share(vus) * (Iterations / vus)) + Segment.Share(Iterations % vus);
        }
    }

    private int WholeVus => (int)Math.Min(Vus, Iterations);

    public override TimeSpan Duration => MaxDuration;

    public static ExecutorConfig Read(ExecutorSettings settings) => new SharedIterationsConfig(
        settings.Vus("vus", minimum: 1, fallback: 1),
        settings.Count("iterations", minimum: 1),
        settings.Duration("duration", DefaultMaxDuration));

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options) =>
        new SharedIterationsExecutor(PeakVus, SegmentIterations, MaxDuration, iteration, options);

    /// <summary>A fixed amount of work warms up as its VUs looping for the warm-up's length.</summary>
    public override ExecutorConfig WarmUp(TimeSpan duration) =>
        new ConstantVusConfig(WholeVus, duration) { Settings = Settings, Think = Think, GracefulStop = TimeSpan.Zero, Segment = Segment };
}

/// <summary>Runs a <see cref="SharedIterationsConfig"/>: VUs claim iterations until all are taken or time is up.</summary>
public sealed class SharedIterationsExecutor : LoadExecutor
{
    private readonly TimeSpan _maxDuration;
    private long _claimed;

    public SharedIterationsExecutor(int vus, long iterations, TimeSpan maxDuration, LoadIteration iteration, ExecutorOptions? options = null)
        : base(iteration, options)
    {
        // A segment may own no VU and so no iteration (fewer VUs than agents).
        ArgumentOutOfRangeException.ThrowIfNegative(vus);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        Vus = (int)Math.Min(vus, iterations);
        Iterations = iterations;
        _maxDuration = maxDuration;
    }

    public int Vus { get; }

    public long Iterations { get; }

    public override TimeSpan TotalDuration => _maxDuration;

    protected override Task ExecuteAsync(long start, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Vus).Select(vu => Task.Run(() => RunVuAsync(vu, start, cancellationToken), CancellationToken.None)));

    private async Task RunVuAsync(int vu, long start, CancellationToken cancellationToken)
    {
        VuStarted();
        try
        {
            await RunBackToBackAsync(
                vu,
                now => Time.GetElapsedTime(start, now) < _maxDuration && Interlocked.Increment(ref _claimed) <= Iterations,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            VuStopped();
        }
    }
}
