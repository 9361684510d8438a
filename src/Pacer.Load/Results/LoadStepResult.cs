namespace Pacer.Load.Results;

/// <summary>One step under load: the <c>steps[]</c> entries of the result file.</summary>
public sealed record LoadStepResult
{
    /// <summary>The step's name as thresholds address it (<c>step[Login]</c>); unique within a run.</summary>
    public string Name { get; init; } = "";

    /// <summary>The flow file the step belongs to.</summary>
    public string Flow { get; init; } = "";

    public string Method { get; init; } = "";

    /// <summary>The URL template as written (before variables), so steps with ids in the path stay one row.</summary>
    public string Url { get; init; } = "";

    public long Requests { get; init; }

    public long Failures { get; init; }

    public double Rps { get; init; }

    public double ErrorRate { get; init; }

    public IReadOnlyDictionary<string, long> FailuresByKind { get; init; } = new Dictionary<string, long>();

    public LatencyMilliseconds LatencyMs { get; init; } = new();

    public long BytesIn { get; init; }

    public long BytesOut { get; init; }

    /// <summary>The step's <c>duration &lt;</c> budget and how often it was missed; null when the step has none.</summary>
    public SlaResult? Sla { get; init; }

    /// <summary>The step's soft assertions that did not hold: reported, never failures.</summary>
    public long Warnings { get; init; }

    /// <summary>The step's failed <c>@retry</c> attempts that were sent again: requests, not failures.</summary>
    public long Retries { get; init; }

    /// <summary>The step's runs in iterations, each judged once: how many passed, how many were skipped.</summary>
    public Checks Checks { get; init; } = new();

    /// <summary>One example per failure kind (the first seen), for reports.</summary>
    public IReadOnlyList<FailureSample> Samples { get; init; } = [];

    /// <summary>Responses by HTTP status code (<c>"200"</c>, <c>"503"</c>); requests that got no response are not in it.</summary>
    public IReadOnlyDictionary<string, long> StatusCodes { get; init; } = new Dictionary<string, long>();

    /// <summary>The step's requests, errors and latency second by second.</summary>
    public IReadOnlyList<LoadStepTimePoint> TimeSeries { get; init; } = [];
}

public sealed record SlaResult
{
    public double BudgetMs { get; init; }

    public long Violations { get; init; }

    /// <summary>Requests that got a response the step accepted; an SLA with none is not met (nothing was measured).</summary>
    public long Succeeded { get; init; } = -1;

    /// <summary>True when at least one request succeeded and none missed the budget.</summary>
    public bool Met => Violations == 0 && Succeeded != 0;
}

/// <summary>A failed request kept as an example: what kind, what came back, and why it counted as a failure.</summary>
public sealed record FailureSample
{
    public string Kind { get; init; } = "";

    /// <summary>HTTP status, or null when no response arrived.</summary>
    public int? Status { get; init; }

    /// <summary>The failing assertion, the socket error or the status line.</summary>
    public string Message { get; init; } = "";

    /// <summary>The start of the response body (at most 2 KiB), null when none.</summary>
    public string? Body { get; init; }
}
