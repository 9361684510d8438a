using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Load.Metrics;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Results;

/// <summary>
/// Re-evaluates the thresholds of merged result files over the merged data (the union of all
/// files' thresholds, by text), with the same <see cref="ThresholdEvaluator"/> a live run uses.
/// A threshold that no longer parses keeps the files' joint verdict, marked "not re-evaluated".
/// </summary>
internal static class MergedThresholds
{
    public static List<ThresholdOutcome> Evaluate(IEnumerable<ThresholdOutcome> outcomes, LoadResultSummary summary, LatencyHistogram overall, IReadOnlyDictionary<string, (LoadStepResult Step, LatencyHistogram Histogram)> steps, double duration)
    {
        var load = new LoadSummary(
            TimeSpan.FromSeconds(duration),
            Metrics(summary.Requests, summary.Failures, summary.FailuresByKind, overall) with { Retries = summary.Retries, Checks = summary.Checks.Total, ChecksPassed = summary.Checks.Passed },
            steps.ToDictionary(
                s => s.Key,
                s => Metrics(s.Value.Step.Requests, s.Value.Step.Failures, s.Value.Step.FailuresByKind, s.Value.Histogram) with
                {
                    Retries = s.Value.Step.Retries,
                    Checks = s.Value.Step.Checks.Total,
                    ChecksPassed = s.Value.Step.Checks.Passed,
                },
                StringComparer.Ordinal),
            summary.Iterations.Dropped);
        return [.. outcomes
            .GroupBy(t => t.Text, StringComparer.Ordinal)
            .Select(group => Reevaluate([.. group], load))];
    }

    private static ThresholdOutcome Reevaluate(List<ThresholdOutcome> outcomes, LoadSummary load)
    {
        var first = outcomes[0];
        Threshold threshold;
        try
        {
            threshold = ThresholdParser.Parse(first.Text);
        }
        catch (DirectiveSyntaxException)
        {
            return first with { Passed = outcomes.All(o => o.Passed), Actual = null, ActualText = "not re-evaluated" };
        }

        var result = ThresholdEvaluator.Evaluate(threshold with { Implicit = first.Implicit }, load);

        // The evaluator speaks nanoseconds; the file speaks milliseconds for latency.
        var actual = result.Actual is { } value && threshold.IsLatency ? value / 1_000_000.0 : result.Actual;
        return first with { Step = threshold.Step, Passed = result.Passed, Actual = actual, ActualText = result.ActualText };
    }

    private static StepMetrics Metrics(long requests, long failures, IReadOnlyDictionary<string, long> byKind, LatencyHistogram latency)
    {
        var kinds = new Dictionary<FailureKind, long>();
        foreach (var (name, count) in byKind)
        {
            // Only the total matters to thresholds; a kind this build does not know still counts.
            var kind = FailureKindNames.Parse(name) ?? FailureKind.AssertionFailed;
            kinds[kind] = kinds.GetValueOrDefault(kind) + count;
        }

        var unexplained = failures - kinds.Values.Sum();
        if (unexplained > 0)
        {
            kinds[FailureKind.AssertionFailed] = kinds.GetValueOrDefault(FailureKind.AssertionFailed) + unexplained;
        }

        return new StepMetrics(requests, kinds, latency);
    }
}
