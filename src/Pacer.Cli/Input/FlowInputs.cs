using System.Text.Json.Nodes;
using Pacer.Core.Configuration;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Cli.Input;

/// <summary>
/// What the commands that run flows (<c>run</c>, <c>load</c>, <c>monitor</c>) read the same way:
/// the config beside the flow files with the environment asked for, and every flow parsed, the
/// variables the run will supply counted as known. Every problem is printed to the error writer;
/// <see cref="Read"/> then gives null and the command exits 2 without running anything.
/// </summary>
public sealed class FlowInputs
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoVariables = new Dictionary<string, JsonNode?>();

    private FlowInputs(PacerConfig config, string? requestedEnv, IReadOnlyList<FlowDocument> documents)
    {
        Config = config;
        RequestedEnv = requestedEnv;
        Documents = documents;
    }

    public PacerConfig Config { get; }

    /// <summary><c>--env</c> as given, null when absent.</summary>
    public string? RequestedEnv { get; }

    public IReadOnlyList<FlowDocument> Documents { get; }

    /// <summary>The environment's name for history and results: <c>--env</c>, else the config's active one.</summary>
    public string? EnvironmentName => RequestedEnv ?? Config.ActiveEnv;

    /// <param name="suppliedNames">Variables the command itself provides (<c>--var</c> names, data columns), so flows using them are not flagged.</param>
    public static FlowInputs? Read(PacerContext context, IReadOnlyList<string> files, string? requestedEnv, IEnumerable<string> suppliedNames)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Error;
        if (ConfigFile.Load(files, context, error) is not { } config)
        {
            return null;
        }

        if (EnvironmentSelector.Validate(config, requestedEnv) is { } envError)
        {
            error.WriteLine($"error: {envError}");
            return null;
        }

        var supplied = suppliedNames.ToList();
        var loaded = FlowLoader.Load(
            files,
            context.CurrentDirectory,
            error,
            flow => supplied.Concat(EnvironmentSelector.Select(config, requestedEnv, flow.Metadata.Env)?.Variables.Keys ?? []));
        if (loaded.HasErrors)
        {
            error.WriteLine($"{loaded.ErrorCount} error(s): nothing was run.");
            return null;
        }

        return new FlowInputs(config, requestedEnv, loaded.Documents);
    }

    /// <summary>The environment <paramref name="flow"/> runs in: <c>--env</c>, else its own <c>@env</c>, else the config's active one.</summary>
    public PacerEnvironment? EnvironmentFor(FlowDocument flow) => EnvironmentSelector.Select(Config, RequestedEnv, flow.Metadata.Env);

    /// <summary><c>--base-url</c> when given, else the flow's environment's base URL.</summary>
    public string? BaseUrlFor(FlowDocument flow, string? commandLineBaseUrl) =>
        string.IsNullOrEmpty(commandLineBaseUrl) ? EnvironmentFor(flow)?.BaseUrl : commandLineBaseUrl;

    public IReadOnlyDictionary<string, JsonNode?> VariablesFor(FlowDocument flow) => EnvironmentFor(flow)?.Variables ?? NoVariables;
}
