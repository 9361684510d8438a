using Pacer.Core.Execution;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// What one check says about each rule: <c>step-failed:NAME</c> failing or passing per executed step
/// (a skipped step says nothing and keeps its state), or <c>flow-error</c> when the flow could not run at all.
/// </summary>
public sealed record CheckOutcome(bool Passed, string Summary, IReadOnlyDictionary<string, RuleState> Rules)
{
    public const string FlowError = "flow-error";

    public static CheckOutcome From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rules = new Dictionary<string, RuleState>(StringComparer.Ordinal) { [FlowError] = new RuleState(false, "the flow ran") };
        foreach (var step in run.Steps.Where(s => s.Status != StepStatus.Skipped))
        {
            var detail = step.Passed
                ? $"{step.Response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ok"} in {step.Duration.TotalMilliseconds:0} ms"
                : step.Reason ?? "failed";
            var failed = step.FailedAssertions.Select(a => $"{a.Assertion.Text} (actual {a.Actual})").ToList();
            if (failed.Count > 0)
            {
                detail += ": " + string.Join("; ", failed);
            }

            rules[$"step-failed:{step.Step.Name}"] = new RuleState(!step.Passed, detail);
        }

        var failing = rules.Where(r => r.Value.Failing).Select(r => r.Key).ToList();
        var steps = run.Steps.Count();
        var summary = failing.Count == 0
            ? $"{steps} step(s) passed in {run.Duration.TotalMilliseconds:0} ms"
            : $"{failing.Count} rule(s) failing: {string.Join(", ", failing)}";
        return new CheckOutcome(run.Passed, summary, rules);
    }

    public static CheckOutcome Error(string reason) =>
        new(false, reason, new Dictionary<string, RuleState> { [FlowError] = new RuleState(true, reason) });
}

public sealed record RuleState(bool Failing, string Detail);
