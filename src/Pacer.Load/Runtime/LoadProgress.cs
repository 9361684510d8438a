using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// What a live display shows, taken about once a second while the load runs. Rate, p95 and VUs
/// describe the last second that ended (<see cref="LastSecond"/>; null before one has: the first
/// frame then shows counts only, never a 0/s beside thousands of requests); counts, error rate and
/// thresholds are cumulative, the whole run so far. The frame sent after the load ended is
/// <see cref="Final"/>: rate and p95 then cover the whole run.
/// </summary>
public sealed record LoadProgress(
    TimeSpan Elapsed,
    TimeSpan? Total,
    int ActiveVus,
    double? RequestsPerSecond,
    double? P95Ms,
    long Requests,
    long Failures,
    long DroppedIterations,
    IReadOnlyList<LoadProgressStep> Steps,
    IReadOnlyList<ThresholdOutcome> Thresholds)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Failures / Requests;

    /// <summary>The second (from 0) that rate, p95 and VUs describe; null when none has ended yet or in the final frame.</summary>
    public long? LastSecond { get; init; }

    /// <summary>True for arrival-rate runs: <see cref="ActiveVus"/> are the VUs busy with an iteration, the most in the last second.</summary>
    public bool OpenModel { get; init; }

    /// <summary>Open model: the iterations per second the schedule asks for now (all flows together); null otherwise.</summary>
    public double? TargetRate { get; init; }

    /// <summary>The frame sent once the load is over: rate and p95 are the whole run's.</summary>
    public bool Final { get; init; }

    /// <summary>With <see cref="Final"/>: the schedule ran its full course (not stopped or aborted), so the bar is full.</summary>
    public bool Completed { get; init; }
}

/// <summary>One row of the live per-step table; latency is cumulative so far.</summary>
public sealed record LoadProgressStep(string Name, long Requests, double P95Ms, double ErrorRate, long SlaViolations);
