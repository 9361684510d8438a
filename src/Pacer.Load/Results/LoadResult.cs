using Pacer.Load.Metrics;

namespace Pacer.Load.Results;

/// <summary>
/// Everything one load run produced, in the shape of the result file (<c>--out results.json</c>,
/// docs/results-json.md). Reports, <c>pacer merge</c>, <c>pacer compare</c> and history read only
/// this, never live metrics, so any report can be rebuilt from a file.
/// </summary>
public sealed record LoadResult
{
    /// <summary>The schema version of the file; bumped when a field changes meaning or disappears.</summary>
    public int Version { get; init; } = LoadResultJson.CurrentVersion;

    public string Kind { get; init; } = "load";

    public string Tool { get; init; } = "pacer";

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    /// <summary>Seconds of load (what requests per second divide by).</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The flow files that ran, as the user named them.</summary>
    public IReadOnlyList<string> Flows { get; init; } = [];

    /// <summary>Free-form environment label (<c>--env</c>, config), null when none.</summary>
    public string? Environment { get; init; }

    public LoadExecutorInfo Executor { get; init; } = new();

    /// <summary>Which HTTP path sent the requests and why (<c>engine</c> or <c>httpclient</c>).</summary>
    public LoadTransportInfo Transport { get; init; } = new();

    /// <summary>The load generator's own garbage-collection pauses during the measured run.</summary>
    public LoadClientInfo Client { get; init; } = new();

    /// <summary>Why the run stopped early (<c>interrupted</c>, <c>threshold p95&lt;150ms breached</c>), or null when it ran its course.</summary>
    public string? Aborted { get; init; }

    /// <summary>The run's one verdict: every threshold held (the implicit <c>checks==100%</c> included), setup passed, and nothing stopped it early.</summary>
    public bool Passed { get; init; }

    public LoadResultSummary Summary { get; init; } = new();

    public IReadOnlyList<LoadStepResult> Steps { get; init; } = [];

    public IReadOnlyList<ThresholdOutcome> Thresholds { get; init; } = [];

    /// <summary>The <c>@once</c> steps that ran before the load.</summary>
    public IReadOnlyList<SetupStepResult> Setup { get; init; } = [];

    public IReadOnlyList<LoadTimePoint> TimeSeries { get; init; } = [];

    public LoadResultHistograms Histograms { get; init; } = new();

    /// <summary>A distributed run's segments and agents (null on one machine); <c>partial</c> when one was lost.</summary>
    public LoadDistributedInfo? Distributed { get; init; }
}

/// <summary>What drove the load: the executor's k6 name and its settings as given.</summary>
public sealed record LoadExecutorInfo
{
    /// <summary><c>constant-vus</c>, <c>ramping-vus</c>, <c>constant-arrival-rate</c>, <c>ramping-arrival-rate</c> or <c>shared-iterations</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>Settings in the user's words, e.g. <c>vus=64</c>, <c>duration=10s</c>, <c>stages=30s:0-&gt;500</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

public sealed record LoadTransportInfo
{
    public string Kind { get; init; } = "engine";

    /// <summary>Why HttpClient was chosen instead of the engine (https proxy, HTTP/2…), null for the engine.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// A .NET load generator stops all its threads for each garbage collection; requests waiting on
/// it then look slower than the server made them (they are counted from their scheduled start, as
/// they should be). These say whether that happened: a steady run should show none.
/// </summary>
public sealed record LoadClientInfo
{
    public int GcCollections { get; init; }

    public double GcPauseMs { get; init; }

    /// <summary>The process's totals so far; subtract two readings to get a run's share.</summary>
    public static LoadClientInfo Now() => new()
    {
        GcCollections = GC.CollectionCount(0),
        GcPauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
    };

    public LoadClientInfo Since(LoadClientInfo earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new() { GcCollections = GcCollections - earlier.GcCollections, GcPauseMs = Math.Round(GcPauseMs - earlier.GcPauseMs, 3) };
    }
}

/// <summary>The exact histograms behind every percentile in the file, so files merge without loss.</summary>
public sealed record LoadResultHistograms
{
    public HistogramData? Overall { get; init; }

    public HistogramData? Iterations { get; init; }

    /// <summary>Keyed by step name, as in <see cref="LoadStepResult.Name"/>.</summary>
    public IReadOnlyDictionary<string, HistogramData> Steps { get; init; } = new Dictionary<string, HistogramData>();
}
