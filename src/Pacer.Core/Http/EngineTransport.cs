using System.Diagnostics;
using System.Net;
using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;
using Pacer.Core.Judge;

namespace Pacer.Core.Http;

/// <summary>
/// A functional run's requests through Pacer's own HTTP engine, so <c>pacer run</c> reads responses by
/// exactly the rules <c>pacer load</c> does (strict framing, one Content-Length, a bound on the body).
/// On top of the engine it keeps what a browser-like client keeps for one flow: a cookie jar, and
/// redirects when asked (<c>--follow-redirects</c>, at most <see cref="MaxRedirects"/>). Every header
/// is kept as received. A step asking for HTTP/2 (<c>@http2</c>, <c>--http2</c>) gets a stream on a
/// connection of its own pool, as under load. What the engine cannot reach goes to <paramref name="fallback"/>.
/// </summary>
public sealed class EngineTransport(EngineTransportOptions options, IRequestTransport fallback) : IRequestTransport
{
    public const int MaxRedirects = 10;

    private readonly Dictionary<(string Host, int Port, bool Secure, bool Http2), IHttpConnection> _connections = [];
    private readonly List<Http2ConnectionPool> _pools = [];
    private readonly CookieContainer _cookies = options.Cookies ?? new CookieContainer();

    public async ValueTask<ExchangeOutcome> SendAsync(RequestSummary request, RequestOptions sending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var hop = 0; ; hop++)
        {
            var outcome = await SendOnceAsync(request, sending, cancellationToken).ConfigureAwait(false);
            if (!options.FollowRedirects || outcome.Response is not { } response || !IsRedirect(response.Status) || hop == MaxRedirects)
            {
                return outcome;
            }

            if (response.Header("Location") is not { } location || !Uri.TryCreate(new Uri(request.Url), location, out var next))
            {
                return outcome;
            }

            // 307 and 308 repeat the request as it was; the others turn it into a GET without a body, as browsers do.
            request = response.Status is 307 or 308
                ? request with { Url = next.AbsoluteUri }
                : new RequestSummary("GET", next.AbsoluteUri, [.. request.Headers.Where(h => !RequestBuilder.IsContentType(h.Key))], null);
        }
    }

    private async ValueTask<ExchangeOutcome> SendOnceAsync(RequestSummary request, RequestOptions sending, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url);
        var withCookies = WithCookies(request, url);
        if (EngineRequest.TryCreate(withCookies) is not { } engineRequest)
        {
            return await fallback.SendAsync(withCookies, sending, cancellationToken).ConfigureAwait(false);
        }

        var timeout = sending.Timeout;
        var connection = ConnectionFor(engineRequest.Host, engineRequest.Port, engineRequest.Secure, sending.Http2);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stopwatch = Stopwatch.StartNew();
        var result = await connection.SendAsync(engineRequest.Prepared, default, timeoutSource.Token).ConfigureAwait(false);
        stopwatch.Stop();
        if (result.Failure == HttpFailureKind.Canceled && cancellationToken.IsCancellationRequested)
        {
            return ExchangeOutcome.Canceled(result.BytesSent);
        }

        if (result.Failure != HttpFailureKind.None)
        {
            var kind = result.Failure == HttpFailureKind.Canceled ? HttpFailureKind.Timeout : result.Failure;
            return new ExchangeOutcome(
                result.StatusCode,
                EngineOutcomes.Classify(kind),
                EngineOutcomes.Describe(kind, engineRequest.Host, engineRequest.Port, timeout, connection.Response.ErrorMessage),
                result.BytesReceived,
                result.BytesSent,
                null,
                Timings: result.Timings);
        }

        foreach (var cookie in connection.Response.SetCookies)
        {
            try
            {
                _cookies.SetCookies(url, cookie);
            }
            catch (CookieException)
            {
                // A malformed Set-Cookie is ignored, as browsers and HttpClient do.
            }
        }

        var body = Encoding.UTF8.GetString(connection.Response.Body.Span);
        var snapshot = new ResponseSnapshot(result.StatusCode, [.. connection.Response.AllHeaders], body, stopwatch.Elapsed);
        return new ExchangeOutcome(result.StatusCode, null, null, result.BytesReceived, result.BytesSent, snapshot, SetCookies: connection.Response.SetCookies, Timings: result.Timings);
    }

    private RequestSummary WithCookies(RequestSummary request, Uri url)
    {
        var header = _cookies.GetCookieHeader(url);
        if (header.Length == 0 || request.Headers.Any(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
        {
            return request;
        }

        return request with { Headers = [.. request.Headers, new("Cookie", header)] };
    }

    private IHttpConnection ConnectionFor(string host, int port, bool secure, bool http2)
    {
        if (!_connections.TryGetValue((host, port, secure, http2), out var connection))
        {
            var connectionOptions = new ConnectionOptions
            {
                Host = host,
                Port = port,
                Tls = secure ? options.Tls ?? new Engine.Tls.TlsOptions() : null,
                ConnectTimeout = options.ConnectTimeout,
                RequestTimeout = System.Threading.Timeout.InfiniteTimeSpan,
                CaptureAllHeaders = true,
                CaptureBody = true,
                MaxCapturedBodyBytes = (int)Math.Min(int.MaxValue, options.MaxBodyBytes),
                MaxBodyBytes = options.MaxBodyBytes,
                // Functional runs continue on the caller's threads: they print and may block, which
                // must never happen on the event loop that carries every load connection.
                UseEventLoop = false,
            };
            if (http2)
            {
                var pool = new Http2ConnectionPool(connectionOptions, connections: 1);
                _pools.Add(pool);
                connection = pool.CreateChannel();
            }
            else
            {
                connection = new Http11Connection(connectionOptions);
            }

            _connections[(host, port, secure, http2)] = connection;
        }

        return connection;
    }

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        _connections.Clear();
        foreach (var pool in _pools)
        {
            pool.Dispose();
        }

        fallback.Dispose();
    }
}

/// <summary>How an <see cref="EngineTransport"/> behaves for one flow run.</summary>
public sealed record EngineTransportOptions
{
    public bool FollowRedirects { get; init; }

    public long MaxBodyBytes { get; init; } = ConnectionOptions.DefaultMaxBodyBytes;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A jar to start from (null: an empty one of the run's own).</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>How https is spoken (null: the system's CAs, names checked).</summary>
    public Engine.Tls.TlsOptions? Tls { get; init; }
}
