using Pacer.Load.Results;

namespace Pacer.Load.Metrics;

/// <summary>A read-only view of one step's (or the whole run's) requests, failures and latency.</summary>
public sealed record StepMetrics(long Requests, IReadOnlyDictionary<FailureKind, long> Failures, LatencyHistogram Latency)
{
    public long FailureCount => Failures.Values.Sum();

    /// <summary>Failed requests as a fraction of all requests (0 when nothing was sent).</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)FailureCount / Requests;

    public long BytesIn { get; init; }

    public long BytesOut { get; init; }

    /// <summary>Requests slower than the step's <c>duration &lt;</c> budget (not failures: see docs/load-engine.md).</summary>
    public long SlaViolations { get; init; }

    /// <summary>The first failure of each kind, as an example.</summary>
    public IReadOnlyList<FailureSample> Samples { get; init; } = [];
}
