using System.Runtime.CompilerServices;
using System.Text;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;
using Pacer.Core.Http.Engine.Tls;

namespace Pacer.Load.Runtime;

/// <summary>
/// One VU's side of the raw engine: a keep-alive connection per scheme, host and port (normally
/// just one), reused across iterations: HTTP/1.1 (plain or TLS) of its own, or with --http2 a seat
/// on the flow's shared pool of multiplexed connections. Not thread-safe: a VU runs one request at a time.
/// </summary>
internal sealed class EngineSender(EngineSettings settings) : IDisposable
{
    private readonly Dictionary<(string Host, int Port, bool Secure, bool Http2), IHttpConnection> _others = [];
    private IHttpConnection? _last;
    private string? _lastHost;
    private int _lastPort;
    private bool _lastSecure;
    private bool _lastHttp2;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ExchangeOutcome> SendAsync(EngineRequest request, LoadStep step, RequestVariables variables, CancellationToken cancellationToken)
    {
        var connection = ConnectionFor(request, step.Plan.Node.Options.Http2);
        HttpExchangeResult result;
        if (step.Timeout is { } stepTimeout && stepTimeout != settings.Timeout)
        {
            // A step's own @timeout: the connection's timer has the run's, so add one for this request.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(stepTimeout);
            result = await connection.SendAsync(request.Prepared, variables, timeout.Token).ConfigureAwait(false);
            if (result.Failure == HttpFailureKind.Canceled && !cancellationToken.IsCancellationRequested)
            {
                result = result with { Failure = HttpFailureKind.Timeout };
            }
        }
        else
        {
            result = await connection.SendAsync(request.Prepared, variables, cancellationToken).ConfigureAwait(false);
        }

        return Outcome(result, connection, request, step);
    }

    /// <summary>What <paramref name="result"/> means for the step: a transport failure, or the status with the response parts the step reads.</summary>
    public ExchangeOutcome Outcome(in HttpExchangeResult result, IHttpConnection connection, EngineRequest request, LoadStep step)
    {
        if (result.Failure == HttpFailureKind.Canceled)
        {
            return new ExchangeOutcome(0, null, "cancelled", result.BytesReceived, result.BytesSent, null, Cancelled: true);
        }

        if (result.Failure != HttpFailureKind.None)
        {
            var message = EngineOutcomes.Describe(result.Failure, request.Host, request.Port, step.Timeout ?? settings.Timeout, connection.Response.ErrorMessage);
            return new ExchangeOutcome(result.StatusCode, EngineOutcomes.Classify(result.Failure), message, result.BytesReceived, result.BytesSent, null);
        }

        var response = step.Plan.NeedsResponse ? Snapshot(connection.Response, step) : null;
        var cookies = connection.Response.SetCookies;
        return new ExchangeOutcome(result.StatusCode, null, null, result.BytesReceived, result.BytesSent, response, SetCookies: cookies.Count > 0 ? [.. cookies] : null);
    }

    private static ResponseSnapshot Snapshot(HttpResponseView response, LoadStep step)
    {
        var names = step.Plan.HeaderNames;
        var headers = new List<KeyValuePair<string, string>>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            if (response.GetHeader(names[i]) is { } value)
            {
                headers.Add(new(names[i], value));
            }
        }

        var body = step.Plan.NeedsBody ? Encoding.UTF8.GetString(response.Body.Span) : "";
        return new ResponseSnapshot(response.StatusCode, headers, body, TimeSpan.Zero);
    }

    /// <param name="http2">The step asks for HTTP/2 (<c>@http2</c>); the run's <c>--http2</c> asks for it for every step.</param>
    public IHttpConnection ConnectionFor(EngineRequest request, bool http2)
    {
        var (host, port, secure) = (request.Host, request.Port, request.Secure);
        http2 |= settings.Http2;
        if (_last is not null && _lastPort == port && _lastSecure == secure && _lastHttp2 == http2 && string.Equals(_lastHost, host, StringComparison.Ordinal))
        {
            return _last;
        }

        if (!_others.TryGetValue((host, port, secure, http2), out var connection))
        {
            connection = settings.Connect(host, port, secure, http2);
            _others[(host, port, secure, http2)] = connection;
        }

        (_last, _lastHost, _lastPort, _lastSecure, _lastHttp2) = (connection, host, port, secure, http2);
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
/// How a flow's engine connections are set up: the run's timeout and body limit, TLS settings,
/// HTTP/2 and the headers and body its steps read. With HTTP/2 it owns one pool of connections per
/// host, shared by the flow's VUs.
/// </summary>
internal sealed class EngineSettings(TimeSpan timeout, IReadOnlyList<string> capturedHeaders, bool captureBody, long maxBodyBytes, EngineProtocol? engineProtocol = null) : IDisposable
{
    private readonly EngineProtocol _protocol = engineProtocol ?? new();
    private readonly Dictionary<(string Host, int Port, bool Secure), Http2ConnectionPool> _pools = [];
    private readonly Lock _poolsLock = new();

    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The run speaks HTTP/2 to every host (<c>--http2</c>).</summary>
    public bool Http2 => _protocol.Http2;

    public ConnectionOptions For(string host, int port, bool secure = false) => new()
    {
        Host = host,
        Port = port,
        Tls = secure ? _protocol.Tls ?? new TlsOptions() : null,
        RequestTimeout = Timeout,
        ConnectTimeout = Timeout < TimeSpan.FromSeconds(10) ? Timeout : TimeSpan.FromSeconds(10),
        CapturedHeaders = capturedHeaders,
        CaptureBody = captureBody,
        MaxCapturedBodyBytes = (int)Math.Min(int.MaxValue, maxBodyBytes),
        MaxBodyBytes = maxBodyBytes,
    };

    /// <summary>A VU's connection to a host: its own HTTP/1.1 connection, or a seat on the flow's HTTP/2 pool.</summary>
    public IHttpConnection Connect(string host, int port, bool secure, bool http2)
    {
        if (!http2)
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
