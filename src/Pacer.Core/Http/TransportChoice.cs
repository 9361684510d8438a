namespace Pacer.Core.Http;

/// <summary>
/// Which HTTP path a request takes. The raw engine (keep-alive connection per VU, or HTTP/2 streams
/// over shared connections; plain or TLS; no allocations per request) is the default; HttpClient
/// takes what the engine does not speak, and the run reports which was used and why.
/// </summary>
public static class TransportChoice
{
    public const string Engine = "engine";
    public const string HttpClient = "httpclient";
    public const string Mixed = "mixed";

    /// <summary>Why <paramref name="url"/> cannot go through the engine, or null when it can.</summary>
    public static string? WhyNotEngine(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"not an http:// or https:// URL ({url})";
    }
}
