using Pacer.Core.Execution;
using Pacer.Core.Plan;
using Pacer.Load.Thresholds;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Reads one check of one flow as rule outcomes: <c>step-failed</c> for every step that ran (a
/// failed assertion, including a <c>duration &lt;</c> budget, or no response), and one outcome per
/// threshold over the flow's <see cref="CheckWindow"/>. Skipped steps and thresholds without data
/// say nothing, so they leave their rule's state as it was.
/// </summary>
public static class CheckEvaluator
{
    public static IReadOnlyList<RuleOutcome> Evaluate(FlowRunResult result, CheckWindow window, IReadOnlyList<Threshold> thresholds, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(thresholds);
        var outcomes = new List<RuleOutcome>();
        foreach (var step in result.Steps.Where(s => s.Status != StepStatus.Skipped))
        {
            outcomes.Add(StepOutcome(result.Name, step));
        }

        if (thresholds.Count == 0)
        {
            return outcomes;
        }

        var summary = window.Summarize(interval);
        var stepNames = result.Steps.Select(s => s.Step.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var threshold in thresholds)
        {
            // A threshold on another flow's step is not this flow's business.
            if (threshold.Step is { } scoped && !stepNames.Contains(scoped))
            {
                continue;
            }

            var evaluated = ThresholdEvaluator.Evaluate(threshold, summary);
            if (evaluated.Actual is null)
            {
                continue;
            }

            outcomes.Add(new RuleOutcome(
                threshold.Text,
                result.Name,
                threshold.Step,
                !evaluated.Passed,
                evaluated.ActualText,
                threshold.Text,
                $"{evaluated.ActualText} over the last {window.Count} check(s), threshold {threshold.Text}"));
        }

        return outcomes;
    }

    private static RuleOutcome StepOutcome(string flow, StepResult step)
    {
        if (step.Passed)
        {
            return new RuleOutcome(RuleOutcome.StepFailed, flow, step.Step.Name, false, null, null, "passed");
        }

        var failed = step.FailedAssertions.FirstOrDefault();
        var detail = failed is null
            ? step.Reason ?? "failed"
            : $"{step.Reason}: {failed.Assertion.Text} (actual {failed.Actual})";
        return new RuleOutcome(RuleOutcome.StepFailed, flow, step.Step.Name, true, failed?.Actual ?? step.Reason, failed?.Assertion.Text, detail);
    }
}
