namespace Pacer.Load.Executors;

/// <summary>The closed model: <c>vus</c> virtual users each loop the iteration for <c>duration</c> (k6's constant-vus).</summary>
public sealed record ConstantVusConfig(int Vus, TimeSpan Length) : ExecutorConfig
{
    public const string Name = "constant-vus";

    public static ExecutorType Registration { get; } = new(Name, ["vus", "duration"], ["vus", "duration"], Read);

    public override string Type => Name;

    /// <summary>Splitting: VU n of the whole test runs in the segment that owns item n, so a segment loops its share of the VUs.</summary>
    public override int PeakVus => Segment.Share(Vus);

    public override TimeSpan Duration => Length;

    public static ExecutorConfig Read(ExecutorSettings settings) =>
        new ConstantVusConfig(settings.Vus("vus", minimum: 1, fallback: 1), settings.Duration("duration"));

    public override LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options) =>
        new ConstantVusExecutor(PeakVus, Length, iteration, options);

    public override ExecutorConfig WarmUp(TimeSpan duration) => this with { Length = duration, GracefulStop = TimeSpan.Zero };
}

/// <summary>Runs a <see cref="ConstantVusConfig"/>: every VU starts at once and loops until the duration is up.</summary>
public sealed class ConstantVusExecutor : LoadExecutor
{
    private readonly TimeSpan _duration;

    public ConstantVusExecutor(int vus, TimeSpan duration, LoadIteration iteration, ExecutorOptions? options = null)
        : base(iteration, options)
    {
        // A segment may own none of the VUs (3 VUs over 4 agents): it then has nothing to run.
        ArgumentOutOfRangeException.ThrowIfNegative(vus);
        Vus = vus;
        _duration = duration;
    }

    public int Vus { get; }

    public override TimeSpan TotalDuration => _duration;

    protected override Task ExecuteAsync(long start, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Vus).Select(vu => Task.Run(() => RunVuAsync(vu, start, cancellationToken), CancellationToken.None)));

    private async Task RunVuAsync(int vu, long start, CancellationToken cancellationToken)
    {
        VuStarted();
        try
        {
            // A closed-model iteration starts when the previous one ends, so it is due "now".
            await RunBackToBackAsync(vu, now => Time.GetElapsedTime(start, now) < _duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            VuStopped();
        }
    }
}
