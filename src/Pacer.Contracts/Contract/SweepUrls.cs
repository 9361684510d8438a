namespace Pacer.Contracts.Contract;

/// <summary>Where a sweep sends a document path, given the base URL the user named.</summary>
public static class SweepUrls
{
    /// <summary>
    /// Document paths are relative to the server root. When the document's paths start with the base URL's path
    /// (<c>http://host/api/v1</c> for paths under <c>/api/v1</c>), the base URL is taken as naming that prefix and paths go
    /// on its authority, so the same --base-url serves flows and the sweep.
    /// </summary>
    public static Uri Resolve(Uri baseUrl, string pathAndQuery, bool baseIsPathPrefix)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = baseIsPathPrefix ? baseUrl.GetLeftPart(UriPartial.Authority) : baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/');
        return new Uri(root + pathAndQuery);
    }
}
