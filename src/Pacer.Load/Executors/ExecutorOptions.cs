namespace Pacer.Load.Executors;

/// <summary>Settings every executor shares.</summary>
public sealed record ExecutorOptions
{
    /// <summary>How long in-flight iterations may finish after the schedule ends before they are cancelled (k6's gracefulStop).</summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Open model on the real clock: start each iteration on the engine's event loop for its VU
    /// (<c>EngineLoops</c>) instead of on the scheduler's thread, so an engine request allocates
    /// nothing. Only for iterations that never block: the loop also carries every connection's
    /// responses, and code that sleeps or waits synchronously there stalls them all. Flows run by
    /// <c>pacer load</c> qualify; arbitrary delegates (Pacer.Testing scenarios) keep the default.
    /// </summary>
    public bool StartOnEngineLoop { get; init; }
}
