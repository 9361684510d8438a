using System.Text.RegularExpressions;

namespace Pacer.Contracts.Probing.Evidence;

/// <summary>
/// What a response gives away: stack traces of the common runtimes, database error messages, internal details
/// (source paths, connection strings, SQL text), software versions in headers, and markup reflected into HTML.
/// Each returns the matching text, or null.
/// </summary>
public static partial class ResponseEvidence
{
    /// <summary>The first line that looks like a stack frame or a traceback banner.</summary>
    public static string? StackTrace(string body) => First(StackTracePattern(), body);

    /// <summary>A database driver's or server's error message (SQLite, PostgreSQL, MySQL, SQL Server, Oracle).</summary>
    public static string? SqlError(string body) => First(SqlErrorPattern(), body);

    /// <summary>An internal detail in an error body: a source file path, a connection string, an SQL statement.</summary>
    public static string? InternalDetail(string body) => First(InternalDetailPattern(), body);

    /// <summary>A header naming server software with its version (<c>X-Powered-By: PHP/8.1.2</c>, <c>Server: nginx/1.25.3</c>).</summary>
    public static string? VersionHeader(ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var name in new[] { "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "Server", "X-Runtime-Version" })
        {
            if (response.Header(name) is { } value && (name.StartsWith("X-AspNet", StringComparison.Ordinal) || VersionNumber().IsMatch(value)))
            {
                return $"{name}: {value}";
            }
        }

        return null;
    }

    /// <summary>True when an HTML response contains <paramref name="sent"/> exactly as sent (not escaped).</summary>
    public static bool ReflectsUnescaped(ProbeResponse response, string sent)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(sent);
        return response.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase)
            && sent.Contains('<', StringComparison.Ordinal)
            && response.Body.Contains(sent, StringComparison.Ordinal);
    }

    private static string? First(Regex pattern, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            var match = pattern.Match(body);
            return match.Success ? match.Value.Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // .NET frames ("   at A.B.C(...) in file:line"), Java ("at com.x.Y.z(Y.java:12)"), Python, Node, PHP.
    [GeneratedRegex(@"(\bat [\w.`<>+]+\.[\w<>`]+\([^)\r\n]*\)( in [^\r\n]+:line \d+)?|at [\w.$]+\([\w]+\.java:\d+\)|Traceback \(most recent call last\)|\bat [\w.<>]+ \((/|[A-Za-z]:\\|node:)[^)\r\n]+:\d+:\d+\)|Stack trace:\s*#0)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StackTracePattern();

    [GeneratedRegex(@"(SQLite Error \d+[^""\r\n]{0,120}|SQLITE_ERROR[^""\r\n]{0,120}|unrecognized token: [^\r\n]{0,60}|near ""[^""]{0,40}"": syntax error|syntax error at or near ""[^""]{0,40}""|unterminated quoted string at or near[^\r\n]{0,60}|You have an error in your SQL syntax[^\r\n]{0,80}|Unclosed quotation mark after the character string[^\r\n]{0,60}|Incorrect syntax near [^\r\n]{0,60}|ORA-\d{5}[^\r\n]{0,80}|PG::SyntaxError[^\r\n]{0,60}|Npgsql\.PostgresException[^\r\n]{0,80}|SQLSTATE\[\w+\][^\r\n]{0,80}|quoted string not properly terminated)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SqlErrorPattern();

    [GeneratedRegex(@"((/home|/srv|/var/www|/app|/usr/src|/opt)/[\w./-]+\.(cs|java|py|js|ts|php|rb|go)\b|[A-Za-z]:\\[\w\\. -]+\.(cs|java|py|js|php)\b|(Server|Host|Data Source)=[^;""\r\n]+;[^""\r\n]{0,40}(Password|Pwd)=|\bSELECT\s+[\w*.,\s]{1,80}\s+FROM\s+\w+|\bINSERT\s+INTO\s+\w+\s*\(|\bUPDATE\s+\w+\s+SET\s+\w+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InternalDetailPattern();

    [GeneratedRegex(@"\d+\.\d+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex VersionNumber();
}
