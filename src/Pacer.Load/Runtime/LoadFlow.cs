using System.Text.Json.Nodes;
using Pacer.Core.Plan;
using Pacer.Load.Executors;

namespace Pacer.Load.Runtime;

/// <summary>
/// One flow file as the load run receives it: the compiled plan, the executor that drives it, where
/// relative URLs go, and the environment's variables for it (the application layer resolves all of these).
/// </summary>
public sealed record LoadFlow(FlowPlan Plan, ExecutorConfig Profile)
{
    /// <summary>The file as the user named it, for the result file's <c>flows</c>.</summary>
    public string DisplayPath { get; init; } = Plan.Path;

    /// <summary>The base URL for relative step URLs; null falls back to a <c>base_url</c> variable as in <c>pacer run</c>.</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> EnvironmentVariables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The flow's short name, used to prefix step names that two flows share (<c>checkout/Login</c>).</summary>
    public string ShortName => LoadStepNames.ShortName(Plan);
}
