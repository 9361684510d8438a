using System.Text.Json.Nodes;

namespace Pacer.Core.Execution;

/// <summary>
/// How flows run. <see cref="BaseUrl"/> wins over the environment's and a <c>base_url</c> variable;
/// <see cref="Overrides"/> are the <c>--var</c> values (highest priority), <see cref="EnvironmentVariables"/>
/// the selected environment's.
/// </summary>
public sealed record FlowRunOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Overrides { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyDictionary<string, JsonNode?> EnvironmentVariables { get; init; } = new Dictionary<string, JsonNode?>();

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public bool FailFast { get; init; }

    public bool FollowRedirects { get; init; }

    public bool Insecure { get; init; }
}
