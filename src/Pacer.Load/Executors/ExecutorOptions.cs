namespace Pacer.Load.Executors;

/// <summary>Settings every executor shares.</summary>
public sealed record ExecutorOptions
{
    /// <summary>How long in-flight iterations may finish after the schedule ends before they are cancelled (k6's gracefulStop).</summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
