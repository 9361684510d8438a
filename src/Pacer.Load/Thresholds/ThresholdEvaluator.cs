using Pacer.Core.Plan;
using System.Globalization;
using Pacer.Load.Metrics;
using Pacer.Core.Flow;

namespace Pacer.Load.Thresholds;

/// <summary>Checks thresholds against a <see cref="LoadSummary"/>; used live (abort on fail) and at the end (exit code).</summary>
public static class ThresholdEvaluator
{
    public static IReadOnlyList<ThresholdResult> EvaluateAll(IEnumerable<Threshold> thresholds, LoadSummary summary) =>
        [.. thresholds.Select(threshold => Evaluate(threshold, summary))];

    public static ThresholdResult Evaluate(Threshold threshold, LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(summary);
        var metrics = summary.Overall;
        if (threshold.Step is { } step && !summary.Steps.TryGetValue(step, out metrics))
        {
            // A misspelt step must not pass silently.
            return new ThresholdResult(threshold, null, false, $"no step named '{step}'");
        }

        if (threshold.IsLatency && metrics!.Latency.Count == 0)
        {
            return new ThresholdResult(threshold, null, false, "no requests recorded");
        }

        // Latency of requests that all failed (refused in microseconds, say) says nothing about the
        // server: a latency threshold needs at least one request the step accepted.
        if (threshold.IsLatency && metrics!.Succeeded == 0)
        {
            return new ThresholdResult(threshold, null, false, $"no request succeeded ({metrics.FailureCount} of {metrics.Requests} failed)");
        }

        if (threshold.Metric == ThresholdMetric.Checks && metrics!.Checks == 0)
        {
            return new ThresholdResult(threshold, null, false, "no checks recorded (no step ran)");
        }

        var actual = threshold.Metric switch
        {
            ThresholdMetric.P50 => metrics!.Latency.ValueAtPercentile(50),
            ThresholdMetric.P90 => metrics!.Latency.ValueAtPercentile(90),
            ThresholdMetric.P95 => metrics!.Latency.ValueAtPercentile(95),
            ThresholdMetric.P99 => metrics!.Latency.ValueAtPercentile(99),
            ThresholdMetric.P999 => metrics!.Latency.ValueAtPercentile(99.9),
            ThresholdMetric.Min => metrics!.Latency.Min,
            ThresholdMetric.Max => metrics!.Latency.Max,
            ThresholdMetric.Avg => metrics!.Latency.Mean,
            ThresholdMetric.Errors => metrics!.ErrorRate,
            ThresholdMetric.Checks => metrics!.CheckRate,
            ThresholdMetric.Rps => summary.Elapsed <= TimeSpan.Zero ? 0 : metrics!.Requests / summary.Elapsed.TotalSeconds,
            _ => throw new ArgumentOutOfRangeException(nameof(threshold)),
        };
        return new ThresholdResult(threshold, actual, threshold.IsMetBy(actual), Format(threshold.Metric, actual));
    }

    private static string Format(ThresholdMetric metric, double actual) => metric switch
    {
        ThresholdMetric.Errors or ThresholdMetric.Checks => (actual * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        ThresholdMetric.Rps => actual.ToString("0.#", CultureInfo.InvariantCulture) + "/s",
        _ => DurationSyntax.Format(actual),
    };
}
