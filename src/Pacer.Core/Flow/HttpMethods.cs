namespace Pacer.Core.Flow;

/// <summary>The request methods a step may use.</summary>
public static class HttpMethods
{
    public static IReadOnlyList<string> All { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>The method in upper case, or null. Any case is accepted; kest files write upper case.</summary>
    public static string? Normalize(string word)
    {
        var upper = word.ToUpperInvariant();
        return All.Contains(upper) ? upper : null;
    }
}
