namespace Pacer.Load.Executors;

/// <summary>A fixed amount of work (<c>--iterations N</c>): <c>vus</c> VUs share N iterations, within <c>maxDuration</c> (k6's shared-iterations).</summary>
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
