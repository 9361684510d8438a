namespace Pacer.Core.Http.Engine;

/// <summary>Read-only view of the last response on a connection; valid until the next request.</summary>
public sealed class HttpResponseView
{
    private readonly IResponseSource _source;

    public HttpResponseView(ResponseParser parser)
        : this((IResponseSource)parser)
    {
    }

    internal HttpResponseView(IResponseSource source) => _source = source;

    public int StatusCode => _source.StatusCode;

    /// <summary>The declared Content-Length, or -1 when the response had none.</summary>
    public long ContentLength => _source.ContentLength;

    public bool IsChunked => _source.IsChunked;

    public long BodyBytes => _source.BodyBytes;

    public bool KeepAlive => _source.KeepAlive;

    /// <summary>The captured body, empty unless <see cref="ConnectionOptions.CaptureBody"/> is set.</summary>
    public ReadOnlyMemory<byte> Body => _source.Body?.Memory ?? ReadOnlyMemory<byte>.Empty;

    public bool BodyTruncated => _source.Body?.Truncated ?? false;

    public bool TryGetHeader(string name, out ReadOnlySpan<byte> value)
    {
        value = default;
        return _source.Headers is { } headers && headers.TryGet(name, out value);
    }

    /// <summary>Every header of the response, as received (only with <see cref="ConnectionOptions.CaptureAllHeaders"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AllHeaders => _source.Headers?.Every ?? [];

    public string? GetHeader(string name) => _source.Headers?.GetString(name);

    /// <summary>The response's Set-Cookie values (always collected; empty when it set none).</summary>
    public IReadOnlyList<string> SetCookies => _source.SetCookies;

    /// <summary>Why the exchange failed, when it did: a parse error, a TLS failure, a reset stream.</summary>
    public string? ErrorMessage => FailureMessage ?? _source.ErrorMessage;

    /// <summary>Set by the connection for failures below HTTP (TLS, HTTP/2 framing); cleared per request.</summary>
    internal string? FailureMessage { get; set; }
}
