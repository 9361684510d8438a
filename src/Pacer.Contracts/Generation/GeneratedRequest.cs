namespace Pacer.Contracts.Generation;

/// <summary>A concrete request, ready to send or to write as a ```kest block: the path is relative to the base URL.</summary>
public sealed record GeneratedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
