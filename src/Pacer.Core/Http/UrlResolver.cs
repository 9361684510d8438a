namespace Pacer.Core.Http;

/// <summary>
/// Turns a step's URL into an absolute one. Like kest, a relative URL is appended to the base URL
/// as text (base <c>http://h/api/v1</c> + <c>/users</c> = <c>http://h/api/v1/users</c>), with exactly
/// one slash between them; an absolute URL is used as written.
/// </summary>
public static class UrlResolver
{
    public static bool IsAbsolute(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns null when the URL is relative and there is no base URL.</summary>
    public static string? Resolve(string url, string? baseUrl)
    {
        if (IsAbsolute(url))
        {
            return url;
        }

        if (string.IsNullOrEmpty(baseUrl))
        {
            return null;
        }

        if (url.Length == 0)
        {
            return baseUrl;
        }

        return url[0] is '?' or '#'
            ? baseUrl + url
            : baseUrl.TrimEnd('/') + "/" + url.TrimStart('/');
    }

    /// <summary>Appends <c>name=value</c> pairs, escaped, after any query the URL already has.</summary>
    public static string AppendQuery(string url, IEnumerable<KeyValuePair<string, string>> query)
    {
        var pairs = query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)).ToList();
        if (pairs.Count == 0)
        {
            return url;
        }

        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt >= 0 ? url[fragmentAt..] : "";
        var head = fragmentAt >= 0 ? url[..fragmentAt] : url;
        var separator = head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? "" : "&") : "?";
        return head + separator + string.Join("&", pairs) + fragment;
    }
}
