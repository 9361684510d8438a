using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Pacer.Contracts.Schema;

/// <summary>
/// JSON Schema patterns are ECMA-262 regular expressions. .NET's ECMAScript option gives ASCII-only
/// <c>\d</c>, <c>\w</c> and <c>\s</c> as ECMA does, but refuses Unicode classes such as <c>\p{L}</c>; a pattern
/// it refuses is compiled with default options instead. Every match has a timeout so a hostile pattern or
/// body cannot hang a run. Patterns are unanchored, as in ECMA <c>test()</c>.
/// </summary>
internal static class EcmaRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);

    /// <summary>True or false; null when the match timed out. A pattern .NET cannot compile matches everything.</summary>
    public static bool? IsMatch(string pattern, string text)
    {
        var regex = Cache.GetOrAdd(pattern, Compile);
        if (regex is null)
        {
            return true;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript, Timeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
