using System.Runtime.CompilerServices;
using System.Text;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// One VU's side of the raw engine: a keep-alive connection per scheme, host and port (normally
/// just one), reused across iterations: HTTP/1.1 (plain or TLS) of its own, or with --http2 a seat
/// on the flow's shared pool of multiplexed connections. Not thread-safe: a VU runs one request at a time.
/// </summary>
internal sealed class EngineSender(EngineSettings settings) : IDisposable
{
    private readonly Dictionary<(string Host, int Port, bool Secure), IHttpConnection> _others = [];
    private IHttpConnection? _last;
    private string? _lastHost;
    private int _lastPort;
    private bool _lastSecure;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<SendOutcome> SendAsync(EngineRequest request, LoadStep step, CancellationToken cancellationToken)
    {
        var connection = ConnectionFor(request);
        HttpExchangeResult result;
        if (step.Timeout is { } stepTimeout && stepTimeout != settings.Timeout)
        {
            // A step's own @timeout: the connection's timer has the run's, so add one for this request.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(stepTimeout);
            result = await connection.SendAsync(request.Prepared, default, timeout.Token).ConfigureAwait(false);
            if (result.Failure == HttpFailureKind.Canceled && !cancellationToken.IsCancellationRequested)
            {
                result = result with { Failure = HttpFailureKind.Timeout };
            }
        }
        else
        {
            result = await connection.SendAsync(request.Prepared, default, cancellationToken).ConfigureAwait(false);
        }

        return Outcome(result, connection, request, step);
    }

    /// <summary>What <paramref name="result"/> means for the step: a transport failure, or the status with the response parts the step reads.</summary>
    public SendOutcome Outcome(in HttpExchangeResult result, IHttpConnection connection, EngineRequest request, LoadStep step)
    {
        if (result.Failure == HttpFailureKind.Canceled)
        {
            return new SendOutcome(0, null, "cancelled", result.BytesReceived, result.BytesSent, null, Cancelled: true);
        }

        if (result.Failure != HttpFailureKind.None)
        {
            var message = connection.Response.ErrorMessage ?? Describe(result.Failure, request, step);
            return new SendOutcome(result.StatusCode, Classify(result.Failure), message, result.BytesReceived, result.BytesSent, null);
        }

        var response = step.NeedsResponse ? Snapshot(connection.Response, step) : null;
        var cookies = connection.Response.SetCookies;
        return new SendOutcome(result.StatusCode, null, null, result.BytesReceived, result.BytesSent, response, SetCookies: cookies.Count > 0 ? [.. cookies] : null);
    }

    public static FailureKind Classify(HttpFailureKind failure) => failure switch
    {
        HttpFailureKind.Refused => FailureKind.ConnectionRefused,
        HttpFailureKind.Timeout => FailureKind.Timeout,
        HttpFailureKind.Reset or HttpFailureKind.Closed or HttpFailureKind.StreamReset or HttpFailureKind.GoAway => FailureKind.ConnectionReset,
        HttpFailureKind.TlsHandshake or HttpFailureKind.CertificateUntrusted or HttpFailureKind.CertificateExpired or
            HttpFailureKind.CertificateNameMismatch or HttpFailureKind.NotTls or HttpFailureKind.TlsOnPlainPort => FailureKind.TlsError,
        _ => FailureKind.ProtocolError,
    };

    private string Describe(HttpFailureKind failure, EngineRequest request, LoadStep step) => failure switch
    {
        HttpFailureKind.Refused => $"connection refused by {request.Host}:{request.Port}",
        HttpFailureKind.Timeout => $"timed out after {(step.Timeout ?? settings.Timeout).TotalMilliseconds:0} ms",
        HttpFailureKind.Reset => $"connection reset by {request.Host}:{request.Port}",
        HttpFailureKind.Closed => $"{request.Host}:{request.Port} closed the connection before the response was complete",
        _ => $"invalid HTTP response from {request.Host}:{request.Port}",
    };

    private static ResponseSnapshot Snapshot(HttpResponseView response, LoadStep step)
    {
        var headers = new List<KeyValuePair<string, string>>(step.HeaderNames.Count);
        foreach (var name in step.HeaderNames)
        {
            if (response.GetHeader(name) is { } value)
            {
                headers.Add(new(name, value));
            }
        }

        var body = step.NeedsBody ? Encoding.UTF8.GetString(response.Body.Span) : "";
        return new ResponseSnapshot(response.StatusCode, headers, body, TimeSpan.Zero);
    }

    public IHttpConnection ConnectionFor(EngineRequest request)
    {
        var (host, port, secure) = (request.Host, request.Port, request.Secure);
        if (_last is not null && _lastPort == port && _lastSecure == secure && string.Equals(_lastHost, host, StringComparison.Ordinal))
        {
            return _last;
        }

        if (!_others.TryGetValue((host, port, secure), out var connection))
        {
            connection = settings.Connect(host, port, secure);
            _others[(host, port, secure)] = connection;
        }

        (_last, _lastHost, _lastPort, _lastSecure) = (connection, host, port, secure);
        return connection;
    }

    public void Dispose()
    {
        foreach (var connection in _others.Values)
        {
            connection.Dispose();
        }

        _others.Clear();
        _last = null;
    }
}

/// <summary>
/// How a flow's engine connections are set up: the run's timeout, TLS settings, HTTP/2 and the
/// headers and body its steps read. With HTTP/2 it owns one pool of connections per host, shared
/// by the flow's VUs.
/// </summary>
internal sealed class EngineSettings(TimeSpan timeout, IReadOnlyList<string> capturedHeaders, bool captureBody, EngineProtocol? engineProtocol = null) : IDisposable
{
    private readonly EngineProtocol _protocol = engineProtocol ?? new();
    private readonly Dictionary<(string Host, int Port, bool Secure), Http2ConnectionPool> _pools = [];
    private readonly Lock _poolsLock = new();

    public TimeSpan Timeout { get; } = timeout;

    public ConnectionOptions For(string host, int port, bool secure = false) => new()
    {
        Host = host,
        Port = port,
        Tls = secure ? _protocol.Tls ?? new TlsOptions() : null,
        RequestTimeout = Timeout,
        ConnectTimeout = Timeout < TimeSpan.FromSeconds(10) ? Timeout : TimeSpan.FromSeconds(10),
        CapturedHeaders = capturedHeaders,
        CaptureBody = captureBody,
    };

    /// <summary>A VU's connection to a host: its own HTTP/1.1 connection, or a seat on the flow's HTTP/2 pool.</summary>
    public IHttpConnection Connect(string host, int port, bool secure)
    {
        if (!_protocol.Http2)
        {
            return new Http11Connection(For(host, port, secure));
        }

        lock (_poolsLock)
        {
            if (!_pools.TryGetValue((host, port, secure), out var pool))
            {
                pool = new Http2ConnectionPool(For(host, port, secure), _protocol.Connections);
                _pools[(host, port, secure)] = pool;
            }

            return pool.CreateChannel();
        }
    }

    public void Dispose()
    {
        lock (_poolsLock)
        {
            foreach (var pool in _pools.Values)
            {
                pool.Dispose();
            }

            _pools.Clear();
        }
    }
}

/// <summary>
/// What the engine speaks for a run: TLS settings for https (null: verify against the system's
/// CAs), and HTTP/2 (prior knowledge on http, ALPN h2 on https) over this many connections per host.
/// </summary>
public sealed record EngineProtocol(TlsOptions? Tls = null, bool Http2 = false, int Connections = 1);
