using System.Text.Json.Nodes;
using Pacer.Core.Configuration;
using Pacer.Core.Plan;

namespace Pacer.Application;

/// <summary>
/// A run's flows, read and compiled: the config and environment they run in, every flow's
/// <see cref="FlowPlan"/>, and every problem found (all files at once). With any error nothing runs.
/// </summary>
public sealed class CompiledFlows
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoVariables = new Dictionary<string, JsonNode?>();

    internal CompiledFlows(FlowSources sources, PacerConfig config, IReadOnlyList<FlowPlan> flows, IReadOnlyList<InputProblem> problems, IReadOnlyDictionary<string, string> texts)
    {
        Sources = sources;
        Config = config;
        Flows = flows;
        Problems = problems;
        Texts = texts;
    }

    public FlowSources Sources { get; }

    public PacerConfig Config { get; }

    /// <summary>The config file the flows were read with (full path), null when there was none.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The flows that compiled, in run order (all of them when there is no error).</summary>
    public IReadOnlyList<FlowPlan> Flows { get; }

    /// <summary>Errors and warnings, file by file in order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>Each flow file's text by its display path, so later problems can show the line they point at.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    public bool HasErrors => Problems.Any(p => p.IsError);

    public int ErrorCount => Problems.Count(p => p.IsError);

    public int WarningCount => Problems.Count(p => !p.IsError);

    /// <summary>The environment's name for history and results: <c>--env</c>, else the config's active one.</summary>
    public string? EnvironmentName => Sources.Environment ?? Config.ActiveEnv;

    /// <summary>The environment <paramref name="flow"/> runs in: <c>--env</c>, else its own <c>@env</c>, else the config's active one.</summary>
    public PacerEnvironment? EnvironmentFor(FlowPlan flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return EnvironmentSelector.Select(Config, Sources.Environment, flow.Metadata.Env);
    }

    /// <summary><c>--base-url</c> when given, else the flow's environment's base URL (else, at run time, a <c>base_url</c> variable).</summary>
    public string? BaseUrlFor(FlowPlan flow) =>
        string.IsNullOrEmpty(Sources.BaseUrl) ? EnvironmentFor(flow)?.BaseUrl : Sources.BaseUrl;

    public IReadOnlyDictionary<string, JsonNode?> VariablesFor(FlowPlan flow) => EnvironmentFor(flow)?.Variables ?? NoVariables;

    /// <summary>A problem at a position in one of these flows, shown with its line.</summary>
    internal InputProblem At(Core.Flow.Syntax.SourceSpan span, string code, string message, string? suggestion = null) =>
        InputProblem.At(span, code, message, Texts.GetValueOrDefault(span.File), suggestion);
}
