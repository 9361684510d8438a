namespace Pacer.Distributed.Agent;

/// <summary>How <c>pacer agent</c> finds its coordinator and which segment it asks for.</summary>
public sealed record AgentSettings
{
    /// <summary>The coordinator's URL (<c>http://pacer-coordinator:6565</c>).</summary>
    public required Uri Coordinator { get; init; }

    /// <summary>How it is named in the coordinator's messages and the result (a pod name; host and process id by default).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The segment it asks for, from 0 (an Indexed Job's <c>JOB_COMPLETION_INDEX</c>); null takes the next free one.</summary>
    public int? SegmentIndex { get; init; }

    /// <summary>How long to keep trying to reach the coordinator (pods start in any order).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the final snapshot may take to reach the coordinator before the agent gives up.</summary>
    public TimeSpan FinalTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
