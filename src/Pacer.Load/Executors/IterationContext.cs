namespace Pacer.Load.Executors;

/// <summary>
/// What one iteration knows about itself. <see cref="ScheduledStart"/> is a TimeProvider
/// timestamp: under the open model it is when the iteration was due, not when it got a VU, so
/// latency measured from it includes any queueing a slow server caused (no coordinated omission).
/// </summary>
public readonly record struct IterationContext(int VuId, long Iteration, long ScheduledStart);
