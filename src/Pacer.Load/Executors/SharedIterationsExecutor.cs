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

    public override int PeakVus => (int)Math.Min(Vus, Iterations);

    public override TimeSpan Duration => MaxDuration;

    public static ExecutorConfig Read(ExecutorSettings settings) => new SharedIterationsConfig(
        settings.Vus("vus", minimum: 1, fallback: 1),
        settings.Count("iterations", minimum: 1),
        settings.Duration("duration", DefaultMaxDuration));

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options) =>
        new SharedIterationsExecutor(Vus, Iterations, MaxDuration, iteration, options);

    /// <summary>A fixed amount of work warms up as its VUs looping for the warm-up's length.</summary>
    public override ExecutorConfig WarmUp(TimeSpan duration) =>
        new ConstantVusConfig(PeakVus, duration) { Settings = Settings, Think = Think, GracefulStop = TimeSpan.Zero };
}

/// <summary>Runs a <see cref="SharedIterationsConfig"/>: VUs claim iterations until all are taken or time is up.</summary>
public sealed class SharedIterationsExecutor : LoadExecutor
{
    private readonly TimeSpan _maxDuration;
    private long _claimed;

    public SharedIterationsExecutor(int vus, long iterations, TimeSpan maxDuration, LoadIteration iteration, ExecutorOptions? options = null)
        : base(iteration, options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vus, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
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
