namespace Pacer.Load.Results;

/// <summary>
/// How a distributed run went (<c>pacer load --agents N</c>): each segment, the agent that ran it, and
/// whether it finished or was lost (and from when). Null for a run on one machine.
/// </summary>
public sealed record LoadDistributedInfo
{
    public int Agents { get; init; }

    /// <summary>True when a segment did not run to its end: the totals hold less load than the test asked for.</summary>
    public bool Partial { get; init; }

    public IReadOnlyList<LoadSegmentInfo> Segments { get; init; } = [];
}

/// <summary>One segment of a distributed run.</summary>
public sealed record LoadSegmentInfo
{
    /// <summary><c>2/4</c>.</summary>
    public string Segment { get; init; } = "";

    /// <summary>The agent's name (its pod, or host and process).</summary>
    public string Agent { get; init; } = "";

    /// <summary><c>finished</c>, <c>lost</c>, <c>stopped</c> (ended early on its own) or <c>missing</c> (never sent anything).</summary>
    public string State { get; init; } = "";

    /// <summary>Seconds into the load when it was lost; null when it was not.</summary>
    public double? LostAtSeconds { get; init; }

    /// <summary>Seconds into the load of its last snapshot: its numbers up to then are in the result.</summary>
    public double? LastHeardSeconds { get; init; }

    public string? Reason { get; init; }

    public long Requests { get; init; }
}
