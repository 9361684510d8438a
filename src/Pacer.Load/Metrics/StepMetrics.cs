namespace Pacer.Load.Metrics;

/// <summary>A read-only view of one step's (or the whole run's) requests, failures and latency.</summary>
public sealed record StepMetrics(long Requests, IReadOnlyDictionary<FailureKind, long> Failures, LatencyHistogram Latency)
{
    public long FailureCount => Failures.Values.Sum();

    /// <summary>Failed requests as a fraction of all requests (0 when nothing was sent).</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)FailureCount / Requests;
}
