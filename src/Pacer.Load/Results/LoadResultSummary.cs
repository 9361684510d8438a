using Pacer.Core.Judge;
using Pacer.Load.Metrics;

namespace Pacer.Load.Results;

/// <summary>The whole run at a glance: the <c>summary</c> object of the result file.</summary>
public sealed record LoadResultSummary
{
    public long Requests { get; init; }

    public long Failures { get; init; }

    /// <summary>Requests per second over <see cref="LoadResult.DurationSeconds"/>.</summary>
    public double Rps { get; init; }

    /// <summary>Failures / requests, 0–1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Keys are the kebab names of <see cref="Metrics.FailureKind"/>: <c>4xx</c>, <c>5xx</c>, <c>timeout</c>, <c>connection-refused</c>, <c>connection-reset</c>, <c>assertion-failed</c>.</summary>
    public IReadOnlyDictionary<string, long> FailuresByKind { get; init; } = new Dictionary<string, long>();

    public LatencyMilliseconds LatencyMs { get; init; } = new();

    public long BytesIn { get; init; }

    public long BytesOut { get; init; }

    public IterationCounts Iterations { get; init; } = new();

    /// <summary>Iteration durations from scheduled start to end.</summary>
    public LatencyMilliseconds IterationDurationMs { get; init; } = new();

    public int PeakVus { get; init; }

    /// <summary>Requests slower than their step's <c>duration &lt;</c> budget, over all steps.</summary>
    public long SlaViolations { get; init; }

    /// <summary>Soft assertions that did not hold, over all steps: reported, never failures.</summary>
    public long Warnings { get; init; }

    /// <summary>Failed attempts of <c>@retry</c> steps that were sent again, over all steps: requests, not failures.</summary>
    public long Retries { get; init; }

    /// <summary>Every step of every iteration judged once: how many passed, as <c>pacer run</c> would have judged each.</summary>
    public Checks Checks { get; init; } = new();

    /// <summary>Responses by HTTP status code over all steps; requests that got no response are not in it.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// Checks, as k6 calls them: each run of a step in an iteration, judged after its last attempt. A
/// skipped step is a check that did not pass. The implicit threshold <c>checks==100%</c> reads these.
/// </summary>
public sealed record Checks
{
    public long Total { get; init; }

    public long Passed { get; init; }

    /// <summary>Times a step did not run (a value it needs was not captured).</summary>
    public long Skipped { get; init; }

    /// <summary>Passed / total, 0–1 (0 when there were none).</summary>
    public double Rate => Total == 0 ? 0 : (double)Passed / Total;

    public static Checks Of(StepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new Checks { Total = metrics.Checks, Passed = metrics.ChecksPassed, Skipped = metrics.Skipped };
    }
}

/// <summary>One <c>@once</c> step as it ran before the load: the <c>setup[]</c> entries of the result file.</summary>
public sealed record SetupStepResult
{
    public string Name { get; init; } = "";

    public bool Passed { get; init; }

    /// <summary>The failure kind's file name (<c>5xx</c>, <c>capture-failed</c>…), null when it passed.</summary>
    public string? Failure { get; init; }

    public string? Reason { get; init; }

    public double DurationMs { get; init; }
}

public sealed record IterationCounts
{
    public long Started { get; init; }

    public long Completed { get; init; }

    /// <summary>Iterations that ended with an error other than a counted request failure.</summary>
    public long Failed { get; init; }

    /// <summary>Open model only: iterations that were due but found no free VU.</summary>
    public long Dropped { get; init; }
}

/// <summary>A latency read-out in milliseconds (the file's unit for people; histograms keep nanoseconds).</summary>
public sealed record LatencyMilliseconds
{
    public double Min { get; init; }

    public double P50 { get; init; }

    public double P90 { get; init; }

    public double P95 { get; init; }

    public double P99 { get; init; }

    public double P999 { get; init; }

    public double Max { get; init; }

    public double Mean { get; init; }

    /// <summary>The read-out of <paramref name="histogram"/> (which keeps nanoseconds) in milliseconds.</summary>
    public static LatencyMilliseconds From(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var s = histogram.Summarize();
        return new LatencyMilliseconds
        {
            Min = LatencySummary.ToMilliseconds(s.Min),
            P50 = LatencySummary.ToMilliseconds(s.P50),
            P90 = LatencySummary.ToMilliseconds(s.P90),
            P95 = LatencySummary.ToMilliseconds(s.P95),
            P99 = LatencySummary.ToMilliseconds(s.P99),
            P999 = LatencySummary.ToMilliseconds(s.P999),
            Max = LatencySummary.ToMilliseconds(s.Max),
            Mean = s.Mean / 1_000_000.0,
        };
    }
}
