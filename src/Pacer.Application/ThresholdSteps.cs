using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;
using Pacer.Load.Runtime;

namespace Pacer.Application;

/// <summary>
/// Checks, before anything runs, that every <c>step[Name]</c> a threshold names is a step of the run,
/// by the names load runs give steps (<c>flow/step</c> when two flows share a name), with "did you
/// mean" when one is close: a misspelt step must fail in a second, not after a ten-minute load.
/// </summary>
public static class ThresholdSteps
{
    public static IReadOnlyList<InputProblem> Check(IReadOnlyList<FlowPlan> plans, IReadOnlyList<(Threshold Threshold, SourceSpan? Span)> thresholds, CompiledFlows compiled)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(compiled);
        var names = LoadStepNames.Of(plans).SelectMany(n => n).ToList();
        var problems = new List<InputProblem>();
        foreach (var (threshold, span) in thresholds)
        {
            if (threshold.Step is not { } step || names.Contains(step, StringComparer.Ordinal))
            {
                continue;
            }

            var near = Suggestions.Closest(step, names);
            var message = $"threshold {threshold.Text}: no step named '{step}' (steps: {string.Join(", ", names.Select(n => $"'{n}'"))})" +
                (near is null ? "" : $"; did you mean step[{near}]?");
            problems.Add(span is { } at
                ? compiled.At(at, DiagnosticCodes.UnknownThresholdStep, message)
                : InputProblem.Option("--threshold: " + message));
        }

        return problems;
    }
}
