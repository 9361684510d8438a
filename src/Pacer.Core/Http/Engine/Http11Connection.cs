using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// One keep-alive HTTP/1.1 connection over a raw socket, used by one virtual user at a time
/// (not thread-safe). Buffers are rented once; the async state machine is pooled, so a steady
/// stream of requests allocates nothing.
/// Retry rule: when a connection reused from an earlier exchange turns out closed or reset
/// before any byte of the response arrived, and the request is idempotent (GET, HEAD, PUT,
/// DELETE, OPTIONS, TRACE), the request is sent once more on a fresh connection; the server
/// most likely closed the idle connection between requests. Nothing else is retried.
/// </summary>
public sealed class Http11Connection : IDisposable
{
    private readonly ConnectionOptions _options;
    private readonly ResponseParser _parser;
    private readonly RequestWriter _writer = new();
    private readonly byte[] _receiveBuffer;
    private readonly IConnectionTransport _transport;
    private IPEndPoint[]? _endPoints;
    private int _start;
    private int _end;

    public Http11Connection(ConnectionOptions options)
    {
        _options = options;
        _receiveBuffer = ArrayPool<byte>.Shared.Rent(options.EffectiveReceiveBufferBytes);
        var headers = options.CaptureAllHeaders ? CapturedHeaders.All()
            : options.CapturedHeaders.Count > 0 ? new CapturedHeaders(options.CapturedHeaders) : null;
        var body = options.CaptureBody ? new PooledBodyBuffer(options.MaxCapturedBodyBytes) : null;
        _parser = new ResponseParser(options.MaxHeaderBytes, headers, body, options.MaxBodyBytes);
        Response = new HttpResponseView(_parser);
        _transport = options.UseEventLoop && EpollNative.IsSupported ? new EventLoopTransport() : new SocketTransport();
    }

    /// <summary>The last response; valid until the next request.</summary>
    public HttpResponseView Response { get; }

    public bool IsConnected => _transport.IsConnected;

    /// <summary>How many TCP connections this object opened (1 for a healthy keep-alive run).</summary>
    public int ConnectCount { get; private set; }

    public ValueTask<HttpExchangeResult> SendAsync(PreparedRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, default, cancellationToken);

    public ValueTask<HttpExchangeResult> SendAsync(PreparedRequest request, RequestVariables variables, CancellationToken cancellationToken)
    {
        _transport.BeginExchange(_options.RequestTimeout, cancellationToken);
        return ExchangeAsync(request, variables, cancellationToken);
    }

    // One async method for the whole exchange, connect and retry included: every nested async
    // layer would cost a state machine resumption per request, and this is the engine's hot path.
    // Retry: StatusCode -1 in a failed attempt means "nothing received on a reused connection".
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpExchangeResult> ExchangeAsync(PreparedRequest request, RequestVariables variables, CancellationToken callerToken)
    {
        try
        {
            var reconnected = false;
            while (true)
            {
                var reused = _transport.IsConnected && _start == _end;
                if (_transport.IsConnected && !reused)
                {
                    Close(); // stray bytes from the previous response: the stream is out of step.
                }

                long sent = 0, received = 0;
                HttpExchangeResult result;
                _parser.Reset(request.IsHead);
                try
                {
                    if (!_transport.IsConnected)
                    {
                        await ConnectAsync().ConfigureAwait(false);
                    }

                    var bytes = _writer.Write(request, variables);
                    await _transport.SendAsync(bytes).ConfigureAwait(false);
                    sent = bytes.Length;
                    while (true)
                    {
                        if (_start < _end)
                        {
                            var status = _parser.Parse(_receiveBuffer.AsSpan(_start, _end - _start), out var consumed);
                            _start += consumed;
                            if (status == ParseStatus.Complete)
                            {
                                result = Finish(sent, received);
                                break;
                            }
                            if (status == ParseStatus.Error)
                            {
                                Close();
                                result = new HttpExchangeResult(_parser.Failure, _parser.StatusCode, _parser.BodyBytes, sent, received, false);
                                break;
                            }
                        }
                        MakeRoomForRead();
                        var read = await _transport.ReceiveAsync(_receiveBuffer.AsMemory(_end)).ConfigureAwait(false);
                        if (read == 0)
                        {
                            var status = _parser.OnEndOfStream();
                            Close();
                            result = status == ParseStatus.Complete
                                ? new HttpExchangeResult(HttpFailureKind.None, _parser.StatusCode, _parser.BodyBytes, sent, received, false)
                                : new HttpExchangeResult(HttpFailureKind.Closed, RetryMarker(reused, received, _parser.StatusCode), _parser.BodyBytes, sent, received, false);
                            break;
                        }
                        _end += read;
                        received += read;
                    }
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
                {
                    Close();
                    var kind = SocketFailureClassifier.Classify(ex, _transport.TimedOut && !callerToken.IsCancellationRequested, callerToken.IsCancellationRequested);
                    var statusCode = kind is HttpFailureKind.Reset or HttpFailureKind.Closed ? RetryMarker(reused, received, _parser.StatusCode) : _parser.StatusCode;
                    result = new HttpExchangeResult(kind, statusCode, _parser.BodyBytes, sent, received, false);
                }

                if (result.Failure is HttpFailureKind.Closed or HttpFailureKind.Reset && result.StatusCode == -1 &&
                    request.IsIdempotent && !reconnected)
                {
                    reconnected = true;
                    continue;
                }
                return result with { StatusCode = Math.Max(result.StatusCode, 0), Reconnected = reconnected };
            }
        }
        finally
        {
            _transport.EndExchange();
        }
    }

    private static int RetryMarker(bool reused, long received, int statusCode) => reused && received == 0 ? -1 : statusCode;

    private HttpExchangeResult Finish(long sent, long received)
    {
        if (!_parser.KeepAlive)
        {
            Close();
        }
        return new HttpExchangeResult(HttpFailureKind.None, _parser.StatusCode, _parser.BodyBytes, sent, received, false);
    }

    private void MakeRoomForRead()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _receiveBuffer.Length)
        {
            // A partial line sits at the end: move it to the front so the rest can follow.
            Buffer.BlockCopy(_receiveBuffer, _start, _receiveBuffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    /// <summary>
    /// Opens the TCP connection now unless it is open, so the first request does not pay for it
    /// (a load run opens its first VUs' connections before its time zero). Failures are the caller's
    /// to ignore: the first request then connects, and fails, as it would have.
    /// </summary>
    public async ValueTask OpenAsync()
    {
        if (!_transport.IsConnected)
        {
            _transport.BeginExchange(_options.ConnectTimeout, CancellationToken.None);
            try
            {
                await ConnectAsync().ConfigureAwait(false);
            }
            finally
            {
                _transport.EndExchange();
            }
        }
    }

    // A name may resolve to several addresses (localhost: ::1 and 127.0.0.1) and the server may listen
    // on one only: each is tried in turn while the connection is refused, as HttpClient does. The one
    // that answered goes first next time.
    private async ValueTask ConnectAsync()
    {
        _endPoints ??= await ResolveAsync().ConfigureAwait(false);
        for (var i = 0; ; i++)
        {
            try
            {
                await _transport.ConnectAsync(_endPoints[i], _options.ConnectTimeout).ConfigureAwait(false);
                if (i > 0)
                {
                    (_endPoints[0], _endPoints[i]) = (_endPoints[i], _endPoints[0]);
                }

                break;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused && i + 1 < _endPoints.Length)
            {
                _transport.Close();
            }
        }

        _start = _end = 0;
        ConnectCount++;
    }

    private async ValueTask<IPEndPoint[]> ResolveAsync()
    {
        if (IPAddress.TryParse(_options.Host, out var address))
        {
            return [new IPEndPoint(address, _options.Port)];
        }
        var addresses = await Dns.GetHostAddressesAsync(_options.Host).ConfigureAwait(false);
        return [.. addresses.Select(a => new IPEndPoint(a, _options.Port))];
    }

    /// <summary>Every header of the last response, as received (only with <see cref="ConnectionOptions.CaptureAllHeaders"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AllHeaders => _parser.Headers?.Every ?? [];

    /// <summary>Drops the TCP connection; the next request opens a new one.</summary>
    public void Close()
    {
        _transport.Close();
        _start = _end = 0;
    }

    public void Dispose()
    {
        Close();
        _writer.Dispose();
        _parser.Body?.Dispose();
        _transport.Dispose();
        ArrayPool<byte>.Shared.Return(_receiveBuffer);
    }
}
