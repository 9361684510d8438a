using System.Diagnostics;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs one flow file's steps in order with its own variables and cookies. A failed step fails
/// the flow; later steps still run unless they need a variable a failed or skipped step should
/// have captured, or <see cref="FlowRunOptions.FailFast"/> is set.
/// </summary>
public sealed class FlowRunner(FlowRunOptions options, BuiltInVariables builtIns)
{
    public async Task<FlowRunResult> RunAsync(FlowDocument flow, Action<StepResult>? onStepCompleted, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var variables = new VariableScope(options.Overrides, options.EnvironmentVariables, ToJson(flow.Metadata.Defaults));
        using var ownClient = options.HttpClient is null ? FlowHttpClientFactory.Create(options.FollowRedirects, options.Insecure) : null;
        var executor = new StepExecutor(options.HttpClient ?? ownClient!, builtIns, ResolveBaseUrl(variables), options.Timeout, options.SoftBudgets);

        // Names a failed or skipped step should have captured but did not, and which step that was.
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<StepResult>();
        StepResult? firstFailure = null;
        for (var i = 0; i < flow.Steps.Count; i++)
        {
            var step = flow.Steps[i];
            var number = i + 1;
            StepResult result;
            if (options.FailFast && firstFailure is not null)
            {
                result = StepResult.Skipped(step, number, $"--fail-fast: step {firstFailure.Number} failed");
            }
            else if (FirstMissingNeed(step, missing) is { } need)
            {
                result = StepResult.Skipped(step, number, $"needs {need.Key} from step {need.Value}");
            }
            else
            {
                result = await executor.ExecuteAsync(step, number, variables, cancellationToken).ConfigureAwait(false);
                result = ApplyResponseCheck(result);
            }

            if (!result.Passed)
            {
                firstFailure ??= result.Status == StepStatus.Failed ? result : null;
            }

            // A step that failed only an assertion (a slow response, say) still captured what it
            // found, and the executor stored it; only names it could not capture hold later steps back.
            var captured = result.Captures.Where(c => c.Found).Select(c => c.Capture.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var capture in step.Captures)
            {
                if (captured.Contains(capture.Name))
                {
                    missing.Remove(capture.Name);
                }
                else
                {
                    missing.TryAdd(capture.Name, number);
                }
            }

            results.Add(result);
            onStepCompleted?.Invoke(result);
        }

        var name = flow.Metadata.Name ?? Path.GetFileName(flow.Path);
        return new FlowRunResult(flow.Path, name, flow.Metadata, results, startedAt, stopwatch.Elapsed);
    }

    private StepResult ApplyResponseCheck(StepResult result)
    {
        if (options.ResponseCheck is null || result.Request is null || result.Response is null)
        {
            return result;
        }

        var problems = options.ResponseCheck.Check(result.Request, result.Response);
        if (problems.Count == 0)
        {
            return result;
        }

        var reason = string.Join("; ", problems);
        return result with { Status = StepStatus.Failed, Reason = result.Reason is null ? reason : result.Reason + "; " + reason };
    }

    private KeyValuePair<string, int>? FirstMissingNeed(StepNode step, Dictionary<string, int> missing)
    {
        foreach (var name in StepVariableNeeds.Of(step))
        {
            // A --var value would win over the capture anyway, so the step can still run.
            if (missing.TryGetValue(name, out var from) && !options.Overrides.ContainsKey(name))
            {
                return new(name, from);
            }
        }

        return null;
    }

    private string? ResolveBaseUrl(VariableScope variables)
    {
        if (!string.IsNullOrEmpty(options.BaseUrl))
        {
            return options.BaseUrl;
        }

        // kest flows often define base_url (or baseUrl) as a variable rather than in a config.
        foreach (var name in new[] { "base_url", "baseUrl" })
        {
            if (variables.TryGet(name, out var value) && value is JsonValue text && text.TryGetValue<string>(out var url))
            {
                return url;
            }
        }

        return null;
    }

    private static Dictionary<string, JsonNode?> ToJson(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => (JsonNode?)JsonValue.Create(v.Value), StringComparer.Ordinal);
}
