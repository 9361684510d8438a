using System.Diagnostics;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs one flow's steps in order, as a functional test, with its own variables, cookies and
/// connections. Each step is judged by <see cref="StepJudge"/>, and what later steps do after a
/// failure is <see cref="FlowSequence"/>'s rule: the same as under <c>pacer load</c>.
/// </summary>
public sealed class FlowRunner(FlowRunOptions options, BuiltInVariables builtIns)
{
    public Task<FlowRunResult> RunAsync(FlowDocument flow, Action<StepResult>? onStepCompleted, CancellationToken cancellationToken) =>
        RunAsync(FlowPlan.Compile(flow), onStepCompleted, cancellationToken, cancellationToken);

    /// <param name="stop">Stops starting steps (the first Ctrl-C); the rest are reported as not run.</param>
    /// <param name="abort">Cancels the request in flight (the drain timeout, a second Ctrl-C).</param>
    public async Task<FlowRunResult> RunAsync(FlowPlan plan, Action<StepResult>? onStepCompleted, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var variables = new VariableScope(options.Overrides, options.EnvironmentVariables, plan.Defaults);
        using var transport = options.CreateTransport();
        var executor = new StepExecutor(transport, builtIns, BaseUrls.For(options.BaseUrl, variables), options.Timeout, options.SoftBudgets, options.ResponseCheck, options.Http2);
        var sequence = new FlowSequence(plan, options.Overrides.Keys.ToHashSet(StringComparer.Ordinal), options.FailFast);
        var results = new List<StepResult>();
        var interrupted = false;
        foreach (var step in plan.Steps)
        {
            StepResult result;
            if (stop.IsCancellationRequested || interrupted)
            {
                interrupted = true;
                sequence.CapturesOf(step);
                result = StepResult.Skipped(step.Node, step.Number, "not run: the run was interrupted") with { Interrupted = true };
            }
            else if (sequence.SkipReason(step) is { } reason)
            {
                sequence.CapturesOf(step);
                result = StepResult.Skipped(step.Node, step.Number, reason);
            }
            else
            {
                result = await executor.ExecuteAsync(step, variables, sequence, abort).ConfigureAwait(false);
                interrupted |= result.Interrupted;
            }

            sequence.Completed(step, result.Passed);
            results.Add(result);
            onStepCompleted?.Invoke(result);
        }

        return new FlowRunResult(plan.Path, plan.Name, plan.Metadata, results, startedAt, stopwatch.Elapsed) { Interrupted = interrupted };
    }
}

/// <summary>Where relative step URLs go: the base URL given, else a <c>base_url</c> (or <c>baseUrl</c>) variable, as kest flows define it.</summary>
public static class BaseUrls
{
    public static string? For(string? given, VariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        foreach (var name in new[] { "base_url", "baseUrl" })
        {
            if (variables.TryGet(name, out var value) && value is JsonValue text && text.TryGetValue<string>(out var url))
            {
                return url;
            }
        }

        return null;
    }
}
