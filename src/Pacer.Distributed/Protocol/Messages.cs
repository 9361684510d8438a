using Pacer.Application.Distributed;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Distributed.Protocol;

// The wire messages of the coordinator–agent protocol (HTTP/1.1 + JSON, snake_case), in the order a
// run uses them. docs/distributed.md describes each exchange.

/// <summary><c>POST /v1/agents</c>: an agent introduces itself, optionally asking for a segment (its Indexed Job index).</summary>
public sealed record AgentRegistration
{
    public int Protocol { get; init; } = ProtocolJson.Version;

    /// <summary>Who the agent is, for messages: a pod name, or host and process id.</summary>
    public string Name { get; init; } = "";

    /// <summary>The segment it wants, from 0 (<c>JOB_COMPLETION_INDEX</c>); null takes the next free one.</summary>
    public int? SegmentIndex { get; init; }
}

/// <summary>The answer to a registration: the agent's id (in every later path) and its segment.</summary>
public sealed record AgentAssignment
{
    public string AgentId { get; init; } = "";

    public int SegmentIndex { get; init; }

    /// <summary>The segment as <c>I/N</c>.</summary>
    public string Segment { get; init; } = "";
}

/// <summary>
/// One line of <c>GET /v1/agents/{id}/events</c>, a stream of JSON lines the coordinator keeps open
/// for the whole run: <c>plan</c> (the bundle), <c>start</c> (at <c>start_at</c>, in <c>start_in_ms</c> at the
/// latest), <c>stop</c>
/// (new iterations stop, requests in flight get the drain timeout), <c>abort</c> (cancel them now),
/// <c>cancel</c> (the run will not happen: <c>reason</c>), and <c>ping</c> every few seconds.
/// </summary>
public sealed record AgentEvent
{
    public string Type { get; init; } = "";

    public AgentBundle? Plan { get; init; }

    public int? StartInMs { get; init; }

    /// <summary>
    /// The instant (UTC) every agent starts: a relative delay alone would start each agent when its
    /// copy of the message arrived, and agents that start apart fall into different seconds of the
    /// merged series. An agent whose clock is off waits no longer than <see cref="StartInMs"/>.
    /// </summary>
    public DateTimeOffset? StartAt { get; init; }

    public string? Reason { get; init; }

    public static AgentEvent Ping { get; } = new() { Type = "ping" };
}

/// <summary><c>POST /v1/agents/{id}/ready</c> or <c>…/failed</c>: the agent planned its segment (or could not, and why).</summary>
public sealed record AgentReport
{
    public string? Problem { get; init; }
}

/// <summary>
/// <c>POST /v1/agents/{id}/snapshots</c>, about once a second and once more at the end (<c>final</c>):
/// the agent's result so far, cumulative (so a lost message costs nothing: the next one has it all),
/// and the seconds of its time series that closed since its last acknowledged snapshot, with their
/// histograms, so the coordinator's per-second percentiles are exact too.
/// </summary>
public sealed record AgentSnapshot
{
    public long Sequence { get; init; }

    public bool Final { get; init; }

    public int ActiveVus { get; init; }

    public LoadResult Result { get; init; } = new();

    public IReadOnlyList<TimeSeriesSecond> Seconds { get; init; } = [];
}
