using System.Text.Json.Nodes;

namespace Pacer.Core.Configuration;

/// <summary>One entry of <c>environments:</c> in <c>.pacer/config.yaml</c>.</summary>
public sealed record PacerEnvironment(string Name, string? BaseUrl, IReadOnlyDictionary<string, JsonNode?> Variables);
