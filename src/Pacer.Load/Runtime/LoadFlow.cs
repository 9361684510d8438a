using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Load.Runtime;

/// <summary>
/// One flow file as the load run receives it: the parsed document, how it drives load, where
/// relative URLs go, and the environment's variables for it (the command resolves all of these).
/// </summary>
public sealed record LoadFlow(FlowDocument Document, LoadProfile Profile)
{
    /// <summary>The file as the user named it, for the result file's <c>flows</c>.</summary>
    public string DisplayPath { get; init; } = Document.Path;

    /// <summary>The base URL for relative step URLs; null falls back to a <c>base_url</c> variable as in <c>pacer run</c>.</summary>
    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> EnvironmentVariables { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>The flow's short name, used to prefix step names that two flows share (<c>checkout/Login</c>).</summary>
    public string ShortName => Document.Metadata.Id
        ?? Path.GetFileName(Document.Path).Replace(".flow.md", "", StringComparison.OrdinalIgnoreCase);
}
