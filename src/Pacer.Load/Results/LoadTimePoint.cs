using System.Text.Json.Serialization;

namespace Pacer.Load.Results;

/// <summary>One second of the run in the result file's <c>time_series</c>.</summary>
public sealed record LoadTimePoint
{
    /// <summary>Seconds since the load started (0 is the first second).</summary>
    public long Second { get; init; }

    public long Requests { get; init; }

    public long Errors { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    /// <summary>The most VUs active in the second (open model: busy with an iteration).</summary>
    public int Vus { get; init; }

    /// <summary>Iterations started in the second.</summary>
    public long Iterations { get; init; }

    /// <summary>Open model: iterations due in the second that found no free VU.</summary>
    public long Dropped { get; init; }

    /// <summary>Open model: the iterations per second the schedule asked for in this second (all open-model flows); null for closed-model runs.</summary>
    public double? TargetRate { get; init; }

    /// <summary>How much of the second the load lasted: 1, except for the run's last, partial second. Counts cover only this long, so rates divide by it.</summary>
    public double LengthSeconds { get; init; } = 1;

    /// <summary>Requests per second, with the partial last second scaled by its real length.</summary>
    [JsonIgnore]
    public double RequestsPerSecond => PerSecond(Requests);

    /// <summary>Scales a count of this second to a per-second rate (the last second may be partial).</summary>
    public double PerSecond(long count) => LengthSeconds > 0 ? count / LengthSeconds : count;
}

/// <summary>One second of one step, in <c>steps[].time_series</c> (seconds without a request of the step are left out).</summary>
public sealed record LoadStepTimePoint
{
    public long Second { get; init; }

    public long Requests { get; init; }

    public long Errors { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }
}
