using System.Runtime.CompilerServices;
using System.Text;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;

namespace Pacer.Load.Runtime;

/// <summary>
/// One VU's side of the raw engine: a keep-alive <see cref="Http11Connection"/> per host and port
/// (normally just one), reused across iterations. Not thread-safe: a VU runs one request at a time.
/// </summary>
internal sealed class EngineSender(EngineSettings settings) : IDisposable
{
    private readonly Dictionary<(string Host, int Port), Http11Connection> _others = [];
    private Http11Connection? _last;
    private string? _lastHost;
    private int _lastPort;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ExchangeOutcome> SendAsync(EngineRequest request, LoadStep step, RequestVariables variables, CancellationToken cancellationToken)
    {
        var connection = ConnectionFor(request.Host, request.Port);
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
    public ExchangeOutcome Outcome(in HttpExchangeResult result, Http11Connection connection, EngineRequest request, LoadStep step)
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

    public Http11Connection ConnectionFor(string host, int port)
    {
        if (_last is not null && _lastPort == port && string.Equals(_lastHost, host, StringComparison.Ordinal))
        {
            return _last;
        }

        if (!_others.TryGetValue((host, port), out var connection))
        {
            connection = new Http11Connection(settings.For(host, port));
            _others[(host, port)] = connection;
        }

        (_last, _lastHost, _lastPort) = (connection, host, port);
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

/// <summary>How a flow's engine connections are set up: the run's timeout and body limit, and the headers and body its steps read.</summary>
internal sealed class EngineSettings(TimeSpan timeout, IReadOnlyList<string> capturedHeaders, bool captureBody, long maxBodyBytes)
{
    public TimeSpan Timeout { get; } = timeout;

    public ConnectionOptions For(string host, int port) => new()
    {
        Host = host,
        Port = port,
        RequestTimeout = Timeout,
        ConnectTimeout = Timeout < TimeSpan.FromSeconds(10) ? Timeout : TimeSpan.FromSeconds(10),
        CapturedHeaders = capturedHeaders,
        CaptureBody = captureBody,
        MaxCapturedBodyBytes = (int)Math.Min(int.MaxValue, maxBodyBytes),
        MaxBodyBytes = maxBodyBytes,
    };
}
