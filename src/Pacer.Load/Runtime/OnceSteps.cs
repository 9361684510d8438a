using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Http;
using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Load.Runtime;

/// <summary>
/// Runs a flow's <c>@once</c> steps before the load starts, exactly as <c>pacer run</c> would (the same
/// executor, judge and transport), and returns what they captured: every VU of that flow then sees
/// those values, read-only (a login token, say). A failing <c>@once</c> step stops the run before any
/// load; its result says why.
/// </summary>
internal static class OnceSteps
{
    public static async Task<SetupOutcome> RunAsync(LoadFlow flow, LoadRunSettings settings, Action<string> report, CancellationToken cancellationToken)
    {
        var sequence = new FlowSequence(flow.Plan, settings.Overrides.Keys.ToHashSet(StringComparer.Ordinal));
        var once = flow.Plan.Steps.Where(s => s.Once).ToList();
        var scope = new VariableScope(settings.Overrides, flow.EnvironmentVariables, flow.Plan.Defaults);
        if (once.Count == 0)
        {
            return new SetupOutcome(scope.Captured, sequence, [], null);
        }

        var options = new FlowRunOptions { Insecure = settings.Insecure, Tls = settings.Protocol.Tls, MaxBodyBytes = settings.MaxBodyBytes };
        using var transport = options.CreateTransport();
        var executor = new StepExecutor(transport, settings.BuiltIns, BaseUrls.For(flow.BaseUrl, scope), settings.Timeout, softBudgets: true);
        var results = new List<StepResult>();
        foreach (var step in once)
        {
            var result = await executor.ExecuteAsync(step, scope, sequence, cancellationToken).ConfigureAwait(false);
            sequence.Completed(step, result.Passed);
            results.Add(result);
            if (!result.Passed)
            {
                return new SetupOutcome(scope.Captured, sequence, results, $"@once step '{step.Name}' ({flow.DisplayPath}) failed: {result.Reason}");
            }

            report($"setup: @once step '{step.Name}' passed ({result.Duration.TotalMilliseconds:0} ms)");
        }

        return new SetupOutcome(scope.Captured, sequence, results, null);
    }

    /// <summary>
    /// A flow's setup that ran elsewhere (a distributed run's coordinator ran the <c>@once</c> steps
    /// once, for every agent): its captures, and a record of them as if this process had captured
    /// them, so iterations treat them exactly as after a local setup.
    /// </summary>
    public static SetupOutcome Given(LoadFlow flow, LoadRunSettings settings, IReadOnlyDictionary<string, JsonNode?> captures)
    {
        var sequence = new FlowSequence(flow.Plan, settings.Overrides.Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var step in flow.Plan.Steps.Where(s => s.Once))
        {
            var slots = sequence.CapturesOf(step);
            for (var i = 0; i < step.Captures.Length; i++)
            {
                slots[i] = captures.ContainsKey(step.Captures[i].Name);
            }
        }

        return new SetupOutcome(captures, sequence, [], null);
    }
}

/// <summary>What a flow's setup left: its captures, its record of them (the iterations start from it), each step's result, and why it failed.</summary>
internal sealed record SetupOutcome(
    IReadOnlyDictionary<string, JsonNode?> Captures,
    FlowSequence Sequence,
    IReadOnlyList<StepResult> Steps,
    string? Error);
