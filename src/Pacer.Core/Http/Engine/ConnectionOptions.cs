namespace Pacer.Core.Http.Engine;

/// <summary>Settings for one keep-alive <see cref="Http11Connection"/> (one per virtual user), or for the connections of an HTTP/2 pool.</summary>
public sealed class ConnectionOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>TLS settings for an https:// target; null for plain http://.</summary>
    public Tls.TlsOptions? Tls { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Time allowed for one exchange, from the first byte sent to the last byte of the body.
    /// <see cref="Timeout.InfiniteTimeSpan"/> skips the per-request timer (the caller's token still applies).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound on the status line plus headers (and chunk trailers) of one response.</summary>
    public int MaxHeaderBytes { get; init; } = 16 * 1024;

    public int ReceiveBufferBytes { get; init; } = 16 * 1024;

    /// <summary>Copy the body into a pooled buffer so assertions can read it; off for pure throughput.</summary>
    public bool CaptureBody { get; init; }

    /// <summary>Bodies longer than this are counted in full but captured only up to here.</summary>
    public int MaxCapturedBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Response headers whose values are kept (case-insensitive), e.g. Content-Type or Location.</summary>
    public IReadOnlyList<string> CapturedHeaders { get; init; } = [];

    /// <summary>Keep every response header, as received (functional runs show and assert on any of them).</summary>
    public bool CaptureAllHeaders { get; init; }

    /// <summary>
    /// The longest response body accepted: past it the exchange fails (<see cref="HttpFailureKind.BodyTooLarge"/>)
    /// and the connection is dropped, so a huge or endless body costs neither memory nor time.
    /// </summary>
    public long MaxBodyBytes { get; init; } = long.MaxValue;

    /// <summary>What <c>--max-body</c> defaults to: 16 MiB, far above an API response, far below what exhausts memory.</summary>
    public const long DefaultMaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Drive the socket from Pacer's epoll event loop (Linux x86-64) instead of .NET's async
    /// socket engine: the fast path under load. Elsewhere the setting is ignored. Continuations
    /// then run on the loop thread, so code awaiting this connection must not block.
    /// </summary>
    public bool UseEventLoop { get; init; } = true;

    /// <summary>The receive buffer must hold a whole header line, so it is never smaller than the header limit.</summary>
    internal int EffectiveReceiveBufferBytes => Math.Max(ReceiveBufferBytes, MaxHeaderBytes + 2);
}
