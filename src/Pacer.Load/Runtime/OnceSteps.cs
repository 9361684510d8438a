using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Load.Runtime;

/// <summary>
/// Runs a flow's <c>@once</c> steps before the load starts, exactly as <c>pacer run</c> would (same
/// executor, HttpClient), and returns what they captured: every VU of that flow then sees those
/// values, read-only (a login token, say). A failing <c>@once</c> step stops the run before any load.
/// </summary>
internal static class OnceSteps
{
    public static async Task<(IReadOnlyDictionary<string, JsonNode?> Captures, string? Error)> RunAsync(
        LoadFlow flow,
        IReadOnlyDictionary<string, JsonNode?> overrides,
        IReadOnlyDictionary<string, JsonNode?> variables,
        IReadOnlyDictionary<string, JsonNode?> defaults,
        LoadRunSettings settings,
        BuiltInVariables builtIns,
        Action<string> report,
        CancellationToken cancellationToken)
    {
        var once = flow.Document.Steps.Select((step, index) => (step, number: index + 1)).Where(s => s.step.Options.Once).ToList();
        if (once.Count == 0)
        {
            return (new Dictionary<string, JsonNode?>(), null);
        }

        using var client = FlowHttpClientFactory.Create(followRedirects: false, settings.Insecure);
        var scope = new VariableScope(overrides, variables, defaults);
        var executor = new StepExecutor(client, builtIns, BaseUrlFor(flow, scope), settings.Timeout, softBudgets: true);
        foreach (var (step, number) in once)
        {
            var result = await executor.ExecuteAsync(step, number, scope, cancellationToken).ConfigureAwait(false);
            if (!result.Passed)
            {
                return (scope.Captured, $"@once step '{step.Name}' ({flow.DisplayPath}) failed: {result.Reason}");
            }

            report($"setup: @once step '{step.Name}' passed ({result.Duration.TotalMilliseconds:0} ms)");
        }

        return (scope.Captured, null);
    }

    /// <summary>The base URL of a flow: the given one, else a <c>base_url</c>/<c>baseUrl</c> variable (as FlowRunner does).</summary>
    public static string? BaseUrlFor(LoadFlow flow, VariableScope variables)
    {
        if (!string.IsNullOrEmpty(flow.BaseUrl))
        {
            return flow.BaseUrl;
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

    public static IReadOnlyDictionary<string, JsonNode?> Defaults(FlowDocument flow) =>
        flow.Metadata.Defaults.ToDictionary(v => v.Key, v => (JsonNode?)JsonValue.Create(v.Value), StringComparer.Ordinal);
}
