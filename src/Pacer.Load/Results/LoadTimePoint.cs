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

    public int Vus { get; init; }
}
