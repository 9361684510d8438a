namespace Pacer.Core.Http;

/// <summary>
/// Which HTTP path a request takes. The raw engine (keep-alive connection per VU, no allocations per
/// request) is the default; HttpClient takes what the engine does not speak — today that is TLS
/// (<c>https://</c>) — and the run reports which was used and why.
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
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "https target: the engine speaks plain HTTP/1.1 only, TLS goes through HttpClient"
            : $"not an http:// URL ({url})";
    }
}
