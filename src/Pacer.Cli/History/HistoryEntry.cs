namespace Pacer.Cli.History;

/// <summary>
/// One recorded run: a row of <c>.pacer/history.db</c>. <see cref="Kind"/> is <c>run</c> (functional)
/// or <c>load</c>. Latency is in milliseconds: of requests for a load run, of steps for a functional run.
/// <see cref="ResultPath"/> is the full result file, relative to the working directory when inside it.
/// </summary>
public sealed record HistoryEntry
{
    public long Id { get; init; }

    public string Kind { get; init; } = HistoryKinds.Run;

    public IReadOnlyList<string> Flows { get; init; } = [];

    public string? Environment { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public bool Passed { get; init; }

    /// <summary>Requests sent (load) or steps that sent one (functional).</summary>
    public long Requests { get; init; }

    /// <summary>Failed requests (load) or failed steps (functional).</summary>
    public long Failures { get; init; }

    public double Rps { get; init; }

    public double ErrorRate { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    public string? ResultPath { get; init; }
}

/// <summary>The two kinds of run history records.</summary>
public static class HistoryKinds
{
    public const string Run = "run";

    public const string Load = "load";
}
