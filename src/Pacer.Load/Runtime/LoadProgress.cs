using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// What a live display shows, taken about once a second while the load runs. Rates and p95 are
/// over the last closed second (what is happening now); counts and error rate are cumulative.
/// </summary>
public sealed record LoadProgress(
    TimeSpan Elapsed,
    TimeSpan? Total,
    int ActiveVus,
    double RequestsPerSecond,
    double P95Ms,
    long Requests,
    long Failures,
    long DroppedIterations,
    IReadOnlyList<LoadProgressStep> Steps,
    IReadOnlyList<ThresholdOutcome> Thresholds)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Failures / Requests;
}

/// <summary>One row of the live per-step table; latency is cumulative so far.</summary>
public sealed record LoadProgressStep(string Name, long Requests, double P95Ms, double ErrorRate, long SlaViolations);
