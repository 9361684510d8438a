namespace Pacer.Core.Execution;

/// <summary>The request as it was actually sent: templates rendered, URL resolved, queries appended.</summary>
public sealed record RequestSummary(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body);
