namespace Pacer.Contracts.Probing.Harvest;

/// <summary>
/// Names the resource a path or a parameter is about, so an <c>id</c> seen in an answer from <c>/books</c> can be
/// offered to <c>/books/{id}</c> and not to <c>/orders/{id}</c>: the literal segment before the last parameter
/// (<c>/orders/{id}/cancel</c> → order), else the last literal one (<c>/users/me</c> and <c>/books/search</c> look one further back).
/// </summary>
public static class Resources
{
    private static readonly string[] ActionWords = ["me", "mine", "search", "query", "find", "filter", "list", "all", "recent", "export", "current", "self"];

    /// <summary>Keys that wrap a list without naming what it holds (<c>{"items": [...]}</c>).</summary>
    private static readonly string[] WrapperKeys = ["items", "data", "results", "result", "content", "records", "rows", "list", "entries", "value", "values", "page", "elements", "hits"];

    public static string OfPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var lastParameter = Array.FindLastIndex(segments, s => s.StartsWith('{'));
        if (lastParameter > 0 && !segments[lastParameter - 1].StartsWith('{'))
        {
            return Singular(segments[lastParameter - 1]);
        }

        var literals = segments.Where(s => !s.StartsWith('{')).ToList();
        while (literals.Count > 1 && ActionWords.Contains(literals[^1].ToLowerInvariant()))
        {
            literals.RemoveAt(literals.Count - 1);
        }

        return literals.Count == 0 ? "" : Singular(literals[^1]);
    }

    /// <summary>The resource a path parameter identifies: the literal segment right before it, or "" when there is none.</summary>
    public static string OfParameter(string path, string parameter)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        return at > 0 && !segments[at - 1].StartsWith('{') ? Singular(segments[at - 1]) : "";
    }

    public static bool IsWrapper(string key) => WrapperKeys.Contains(key.ToLowerInvariant());

    /// <summary>Lower case, without '-', '_' and '.', so <c>order_id</c>, <c>orderId</c> and <c>order-id</c> compare equal.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Where(c => c is not ('-' or '_' or '.'))).ToLowerInvariant();
    }

    public static string Singular(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = Normalize(word);
        if (lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4)
        {
            return lower[..^3] + "y";
        }

        if (lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal))
        {
            return lower[..^2];
        }

        return lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && lower.Length > 3 ? lower[..^1] : lower;
    }
}
