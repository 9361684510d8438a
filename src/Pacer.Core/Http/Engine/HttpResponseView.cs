namespace Pacer.Core.Http.Engine;

/// <summary>Read-only view of the last response on a connection; valid until the next request.</summary>
public sealed class HttpResponseView(ResponseParser parser)
{
    public int StatusCode => parser.StatusCode;

    /// <summary>The declared Content-Length, or -1 when the response had none.</summary>
    public long ContentLength => parser.ContentLength;

    public bool IsChunked => parser.IsChunked;

    public long BodyBytes => parser.BodyBytes;

    public bool KeepAlive => parser.KeepAlive;

    /// <summary>The captured body, empty unless <see cref="ConnectionOptions.CaptureBody"/> is set.</summary>
    public ReadOnlyMemory<byte> Body => parser.Body?.Memory ?? ReadOnlyMemory<byte>.Empty;

    public bool BodyTruncated => parser.Body?.Truncated ?? false;

    public bool TryGetHeader(string name, out ReadOnlySpan<byte> value)
    {
        value = default;
        return parser.Headers is { } headers && headers.TryGet(name, out value);
    }

    public string? GetHeader(string name) => parser.Headers?.GetString(name);

    /// <summary>The response's Set-Cookie values (always collected; empty when it set none).</summary>
    public IReadOnlyList<string> SetCookies => parser.SetCookies;

    /// <summary>Why parsing failed, when it did (e.g. the head limit).</summary>
    public string? ErrorMessage => parser.ErrorMessage;
}
