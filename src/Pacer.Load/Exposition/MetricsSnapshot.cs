using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Load.Metrics;

namespace Pacer.Load.Exposition;

/// <summary>
/// What the metrics endpoint and the OTLP push publish at one moment: the run's metrics so far,
/// how many virtual users are active, and the state of every threshold (or, in <c>pacer monitor</c>,
/// every alert rule). Taken fresh for each scrape.
/// </summary>
public sealed record MetricsSnapshot(LoadSummary Summary, int ActiveVus, IReadOnlyList<ThresholdState> Thresholds)
{
    public static MetricsSnapshot Empty { get; } = new(
        new LoadSummary(TimeSpan.Zero, new StepMetrics(0, new Dictionary<FailureKind, long>(), new LatencyHistogram()), new Dictionary<string, StepMetrics>()),
        0,
        []);
}

/// <summary>One threshold (or alert rule) and whether it currently holds; <see cref="Flow"/> scopes monitor rules.</summary>
public sealed record ThresholdState(string Threshold, bool Ok, string? Flow = null);
