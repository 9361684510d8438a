using System.Text.RegularExpressions;

namespace Pacer.Contracts.Probing;

/// <summary>What a response body gives away: stack traces of the common runtimes, reflected markup in HTML.</summary>
public static partial class ResponseEvidence
{
    /// <summary>The first line that looks like a stack frame or an unhandled-exception banner, or null.</summary>
    public static string? StackTrace(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = StackTracePattern().Match(body);
        return match.Success ? match.Value.Trim() : null;
    }

    /// <summary>True when an HTML response contains <paramref name="sent"/> exactly as sent (not escaped).</summary>
    public static bool ReflectsUnescaped(ProbeResponse response, string sent)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase)
            && sent.Contains('<', StringComparison.Ordinal)
            && response.Body.Contains(sent, StringComparison.Ordinal);
    }

    // .NET frames ("   at A.B.C(...) in file:line"), Java ("at com.x.Y.z(Y.java:12)"), Python, Node, PHP, Ruby.
    [GeneratedRegex(@"(\bat [\w.`<>+]+\.[\w<>`]+\([^)\r\n]*\)( in [^\r\n]+:line \d+)?|at [\w.$]+\([\w]+\.java:\d+\)|Traceback \(most recent call last\)|\bat [\w.<>]+ \((/|[A-Za-z]:\\|node:)[^)\r\n]+:\d+:\d+\)|Stack trace:\s*#0|System\.[\w.]+Exception: )", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StackTracePattern();
}
