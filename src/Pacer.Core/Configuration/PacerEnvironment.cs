using System.Text.Json.Nodes;

namespace Pacer.Core.Configuration;

/// <summary>One entry of <c>environments:</c> in <c>.pacer/config.yaml</c>.</summary>
public sealed record PacerEnvironment(string Name, string? BaseUrl, IReadOnlyDictionary<string, JsonNode?> Variables, PacerTlsSettings? Tls = null);

/// <summary>
/// An environment's <c>tls:</c> block: a CA file to trust, a client certificate and key for mutual
/// TLS, and whether to accept any certificate. Paths are absolute, resolved against the project
/// folder (the one holding <c>.pacer/</c>) when the config gave them relative.
/// </summary>
public sealed record PacerTlsSettings(string? CaCertificate, string? Certificate, string? Key, bool Insecure);
