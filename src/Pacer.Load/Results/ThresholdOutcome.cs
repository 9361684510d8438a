namespace Pacer.Load.Results;

/// <summary>A threshold as written, the value it was checked against, and the verdict.</summary>
public sealed record ThresholdOutcome
{
    /// <summary>The threshold as written, e.g. <c>step[Login].p99&lt;800ms</c>.</summary>
    public string Text { get; init; } = "";

    /// <summary>The step it is scoped to, or null for the whole run.</summary>
    public string? Step { get; init; }

    /// <summary><c>p50</c>, <c>p95</c>, <c>p99.9</c>, <c>max</c>, <c>avg</c>, <c>errors</c>, <c>checks</c>, <c>rps</c>…</summary>
    public string Metric { get; init; } = "";

    public bool Passed { get; init; }

    /// <summary>Milliseconds for latency, a 0–1 fraction for errors, per second for rps; null when the metric had no data.</summary>
    public double? Actual { get; init; }

    /// <summary>The actual value for people: <c>182.4ms</c>, <c>0.3%</c>, <c>1204/s</c>.</summary>
    public string ActualText { get; init; } = "";

    /// <summary>True for <c>checks==100%</c> added because the run named no threshold on checks or errors.</summary>
    public bool Implicit { get; init; }
}
