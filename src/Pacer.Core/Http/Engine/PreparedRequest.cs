using System.Text;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// A request serialised once: method, default target, Host and fixed header lines as bytes.
/// Per request only the variable part (<see cref="RequestVariables"/>) is written, so a
/// virtual user looping the same step re-serialises nothing.
/// </summary>
public sealed class PreparedRequest
{
    private static readonly string[] IdempotentMethods = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

    private PreparedRequest(byte[] methodAndSpace, byte[] target, byte[] fixedHeaderLines, byte[] body, bool isHead, bool isIdempotent, bool alwaysSendsLength, Http2RequestFields http2)
    {
        Http2 = http2;
        MethodAndSpace = methodAndSpace;
        Target = target;
        FixedHeaderLines = fixedHeaderLines;
        Body = body;
        IsHead = isHead;
        IsIdempotent = isIdempotent;
        AlwaysSendsContentLength = alwaysSendsLength;
    }

    internal byte[] MethodAndSpace { get; }

    internal byte[] Target { get; }

    /// <summary>"Host: …\r\n" followed by the caller's header lines, each ending in CRLF.</summary>
    internal byte[] FixedHeaderLines { get; }

    internal byte[] Body { get; }

    /// <summary>The same request's fields for HTTP/2, HPACK-encoded once without any table (<see cref="Http2RequestFields"/>).</summary>
    internal Http2RequestFields Http2 { get; }

    /// <summary>HEAD responses carry no body whatever their headers say.</summary>
    public bool IsHead { get; }

    /// <summary>Idempotent requests may be retried once on a fresh connection (see <see cref="Http11Connection"/>).</summary>
    public bool IsIdempotent { get; }

    /// <summary>POST, PUT and PATCH send Content-Length even when the body is empty.</summary>
    internal bool AlwaysSendsContentLength { get; }

    public static PreparedRequest Create(
        string method,
        string host,
        string target,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte> body = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        if (string.IsNullOrEmpty(target) || target.AsSpan().IndexOfAny(" \r\n") >= 0)
        {
            throw new ArgumentException("request target must be non-empty and contain no spaces or line breaks", nameof(target));
        }
        var lines = new StringBuilder();
        lines.Append("Host: ").Append(host).Append("\r\n");
        var list = (headers ?? []).ToList();
        foreach (var (name, value) in list)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue; // written by the engine
            }
            if ((name + value).AsSpan().IndexOfAny("\r\n") >= 0)
            {
                throw new ArgumentException($"header {name} contains a line break", nameof(headers));
            }
            lines.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        var upper = method.ToUpperInvariant();
        return new PreparedRequest(
            Encoding.ASCII.GetBytes(upper + " "),
            Encoding.ASCII.GetBytes(target),
            Encoding.Latin1.GetBytes(lines.ToString()),
            body.ToArray(),
            upper == "HEAD",
            IdempotentMethods.Contains(upper),
            upper is "POST" or "PUT" or "PATCH",
            Http2RequestFields.Create(upper, host, target, list));
    }
}
