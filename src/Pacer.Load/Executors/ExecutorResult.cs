namespace Pacer.Load.Executors;

/// <summary>What an executor did: iterations started, completed, failed (threw), dropped (no free VU), and the most VUs at once.</summary>
public sealed record ExecutorResult(long Started, long Completed, long Failed, long Dropped, int PeakVus, TimeSpan Elapsed);
