using System.Text.Json.Nodes;

namespace Pacer.Application;

/// <summary>
/// What a user names when they run flows: the flow files (already found on disk), where they stand,
/// the environment they ask for, a base URL and <c>--var</c> values that win over everything, and the
/// names of any other variables the run will supply (data columns). Every command reads flows from this.
/// </summary>
public sealed record FlowSources
{
    /// <summary>Full paths of the flow files, in run order.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Where paths are shown relative to (and where a config is looked for last).</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary><c>--env</c>: an environment of <c>.pacer/config.yaml</c>; null for the flow's own or the active one.</summary>
    public string? Environment { get; init; }

    /// <summary><c>--base-url</c>: wins over the environment's and a flow's <c>base_url</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary><c>--var</c> values: above captures, data rows, the environment and flow defaults.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Names the run supplies besides <see cref="Variables"/> (data columns), so flows using them are not flagged.</summary>
    public IReadOnlyList<string> SuppliedNames { get; init; } = [];

    /// <summary>
    /// For <c>pacer check</c>: no environment is chosen, so a variable that any environment defines
    /// counts as defined.
    /// </summary>
    public bool AnyEnvironment { get; init; }
}
