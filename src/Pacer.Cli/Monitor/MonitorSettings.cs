using Pacer.Core.Plan;

namespace Pacer.Cli.Monitor;

/// <summary>How <c>pacer monitor</c> runs, as parsed from its options.</summary>
public sealed record MonitorSettings
{
    /// <summary>Time between the starts of two checks (a check longer than this is followed at once by the next).</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stop after this long; null runs until Ctrl-C.</summary>
    public TimeSpan? For { get; init; }

    /// <summary>Stop after this many checks; null for no limit.</summary>
    public int? Checks { get; init; }

    public Uri? Webhook { get; init; }

    /// <summary>Repeat a firing alert this often while its rule keeps failing; null never repeats.</summary>
    public TimeSpan? Reminder { get; init; }

    /// <summary>From <c>--threshold</c>; each flow's own <c>@threshold</c> lines are added to it.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>How many recent checks a threshold judges.</summary>
    public int Window { get; init; } = 5;

    public int? MetricsPort { get; init; }

    /// <summary>An OTLP/HTTP collector to push the metrics to, or null.</summary>
    public Uri? Otlp { get; init; }

    /// <summary>After Ctrl-C, how long a check in flight may take to finish before its requests are cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many of the latest checks are kept for <c>--out</c> and <c>--report</c>.</summary>
    public int KeptChecks { get; init; } = 1000;
}
