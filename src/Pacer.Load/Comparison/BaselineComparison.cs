using Pacer.Load.Results;

namespace Pacer.Load.Comparison;

/// <summary>
/// Compares a load run with one or more baseline runs, per step and overall, on p50/p95/p99,
/// requests per second and error rate. The rule respects noise: a metric <b>regressed</b> only
/// when the current value is worse than the <i>worst</i> baseline by more than the tolerance
/// (latency above max×(1+t), rps below min×(1−t)); it <b>improved</b> only when better than the
/// <i>best</i> baseline by more than the tolerance. So with several baselines a regression must
/// exceed both the tolerance and the spread between them. Error rates also need an absolute
/// change above <see cref="MinimumErrorRateChange"/>, so 0 → 0.01 % is not a 100 % regression.
/// </summary>
public static class BaselineComparison
{
    /// <summary>The default tolerance of <c>pacer compare</c> and <c>pacer load --baseline</c>: 10 %.</summary>
    public const double DefaultTolerance = 0.10;

    /// <summary>An error-rate change smaller than this (0.1 percentage point) is noise whatever its ratio.</summary>
    public const double MinimumErrorRateChange = 0.001;

    private static readonly ComparedMetric[] AllMetrics =
        [ComparedMetric.P50, ComparedMetric.P95, ComparedMetric.P99, ComparedMetric.Rps, ComparedMetric.ErrorRate];

    /// <param name="baselines">One or more earlier runs (their spread is the noise).</param>
    /// <param name="current">The run under judgement.</param>
    /// <param name="tolerance">A fraction: 0.10 is 10 %.</param>
    public static ComparisonResult Compare(IReadOnlyList<LoadResult> baselines, LoadResult current, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(current);
        if (baselines.Count == 0)
        {
            throw new ArgumentException("At least one baseline is needed.", nameof(baselines));
        }

        if (tolerance < 0 || double.IsNaN(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance is a fraction of 0 or more.");
        }

        var overall = CompareValues(
            StepComparison.OverallName,
            StepPresence.Both,
            [.. baselines.Select(OverallValues)],
            OverallValues(current),
            tolerance);

        // Steps in the current run's order, then steps only the baselines had.
        var names = current.Steps.Select(s => s.Name)
            .Concat(baselines.SelectMany(b => b.Steps).Select(s => s.Name))
            .Distinct(StringComparer.Ordinal);
        var steps = new List<StepComparison>();
        foreach (var name in names)
        {
            var currentStep = current.Steps.FirstOrDefault(s => s.Name == name);
            var baselineSteps = baselines.Select(b => b.Steps.FirstOrDefault(s => s.Name == name)).OfType<LoadStepResult>().ToList();
            var presence = currentStep is null ? StepPresence.OnlyBaseline
                : baselineSteps.Count == 0 ? StepPresence.OnlyCurrent
                : StepPresence.Both;
            steps.Add(CompareValues(
                name,
                presence,
                [.. baselineSteps.Select(StepValues)],
                currentStep is null ? null : StepValues(currentStep),
                tolerance));
        }

        return new ComparisonResult(tolerance, baselines.Count, overall, steps) { Notes = ExecutorDifference.Describe(baselines, current) };
    }

    /// <summary>The verdict for one metric, by the rule in the class summary.</summary>
    public static ComparisonVerdict Judge(ComparedMetric metric, IReadOnlyList<double> baselines, double current, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        if (baselines.Count == 0)
        {
            return ComparisonVerdict.Same;
        }

        var worst = metric.LowerIsBetter() ? baselines.Max() : baselines.Min();
        var best = metric.LowerIsBetter() ? baselines.Min() : baselines.Max();
        var floor = metric == ComparedMetric.ErrorRate ? MinimumErrorRateChange : 0;
        if (metric.LowerIsBetter())
        {
            if (current > worst * (1 + tolerance) && current - worst > floor)
            {
                return ComparisonVerdict.Regressed;
            }

            return current < best * (1 - tolerance) && best - current > floor ? ComparisonVerdict.Improved : ComparisonVerdict.Same;
        }

        if (current < worst * (1 - tolerance))
        {
            return ComparisonVerdict.Regressed;
        }

        return current > best * (1 + tolerance) ? ComparisonVerdict.Improved : ComparisonVerdict.Same;
    }

    private static StepComparison CompareValues(string name, StepPresence presence, IReadOnlyList<Values?> baselines, Values? current, double tolerance)
    {
        var withData = baselines.OfType<Values>().ToList();
        var metrics = AllMetrics.Select(metric =>
        {
            var baselineValues = withData.Select(v => v.Of(metric)).ToList();
            var currentValue = current?.Of(metric);
            var verdict = presence == StepPresence.Both && currentValue is { } value && baselineValues.Count > 0
                ? Judge(metric, baselineValues, value, tolerance)
                : ComparisonVerdict.Same;
            return new MetricComparison(metric, baselineValues, currentValue, verdict);
        }).ToList();
        return new StepComparison(name, presence, metrics);
    }

    // A side with no requests has no latency, rate or error rate worth comparing.
    private static Values? OverallValues(LoadResult result) =>
        result.Summary.Requests == 0
            ? null
            : new Values(result.Summary.LatencyMs, result.Summary.Rps, result.Summary.ErrorRate);

    private static Values? StepValues(LoadStepResult step) =>
        step.Requests == 0 ? null : new Values(step.LatencyMs, step.Rps, step.ErrorRate);

    private sealed record Values(LatencyMilliseconds Latency, double Rps, double ErrorRate)
    {
        public double Of(ComparedMetric metric) => metric switch
        {
            ComparedMetric.P50 => Latency.P50,
            ComparedMetric.P95 => Latency.P95,
            ComparedMetric.P99 => Latency.P99,
            ComparedMetric.Rps => Rps,
            ComparedMetric.ErrorRate => ErrorRate,
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
    }
}
