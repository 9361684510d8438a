using System.Threading.Channels;
using Pacer.Distributed.Protocol;
using Pacer.Load.Executors;
using Pacer.Load.Results;

namespace Pacer.Distributed.Coordinator;

/// <summary>Where an agent is in a run.</summary>
public enum AgentState
{
    /// <summary>No agent has taken this segment yet.</summary>
    Open,
    Registered,
    Ready,
    Running,

    /// <summary>Its final snapshot arrived.</summary>
    Finished,

    /// <summary>Gone mid-run (connection closed, or silent too long): its last snapshot counts, the others go on.</summary>
    Lost,

    /// <summary>It could not plan its segment.</summary>
    Failed,
}

/// <summary>
/// One segment of a distributed run and the agent that took it: its event stream (what the
/// coordinator tells it), its latest cumulative snapshot, and when and why it was lost. Guarded by
/// the <see cref="AgentRoster"/>'s lock.
/// </summary>
public sealed class AgentSlot(int index, ExecutionSegment segment)
{
    public int Index { get; } = index;

    public ExecutionSegment Segment { get; } = segment;

    public string? Id { get; internal set; }

    public string Name { get; internal set; } = "";

    public AgentState State { get; internal set; } = AgentState.Open;

    /// <summary>True while the agent holds its event stream open.</summary>
    public bool Connected { get; internal set; }

    internal Channel<AgentEvent> Events { get; } = Channel.CreateUnbounded<AgentEvent>();

    /// <summary>The agent's result so far (its final one once <see cref="AgentState.Finished"/>).</summary>
    public LoadResult? Latest { get; internal set; }

    public int ActiveVus { get; internal set; }

    public long LastSequence { get; internal set; } = -1;

    /// <summary>Run time (from the common start) of the last snapshot received.</summary>
    public TimeSpan? LastHeard { get; internal set; }

    /// <summary>The latest second of its time series it has sent.</summary>
    public long LastSecond { get; internal set; } = -1;

    public string? Problem { get; internal set; }

    /// <summary>Run time at which it was lost: its numbers up to <see cref="LastHeard"/> are in the result.</summary>
    public TimeSpan? LostAt { get; internal set; }

    /// <summary>What the messages call it: <c>segment 2/4 (pod-1)</c>.</summary>
    public string Describe() => $"segment {Segment}{(Name.Length > 0 ? $" ({Name})" : "")}";
}
