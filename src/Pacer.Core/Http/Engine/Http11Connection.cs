using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// One keep-alive HTTP/1.1 connection over a raw socket (or TLS, <see cref="ConnectionOptions.Tls"/>), used by one virtual user at a time
/// (not thread-safe). Buffers are rented once; the async state machine is pooled, so a steady
/// stream of requests allocates nothing.
/// Retry rule: when a connection reused from an earlier exchange turns out closed or reset
/// before any byte of the response arrived, and the request is idempotent (GET, HEAD, PUT,
/// DELETE, OPTIONS, TRACE), the request is sent once more on a fresh connection; the server
/// most likely closed the idle connection between requests. Nothing else is retried.
/// </summary>
public sealed class Http11Connection : IHttpConnection
{
    private readonly ConnectionOptions _options;
    private readonly ResponseParser _parser;
    private readonly RequestWriter _writer = new();
    private readonly byte[] _receiveBuffer;
    private readonly IConnectionTransport _transport;
    private readonly PhaseClock _clock = new();
    private IPEndPoint[]? _endPoints;
    private int _start;
    private int _end;

    public Http11Connection(ConnectionOptions options)
    {
        _options = options;
        // Pinned and not zeroed: a page of it becomes resident only once a response reaches it, so an
        // idle keep-alive VU costs the one page its small responses use, not the whole buffer (a
        // zeroed, pooled 16 KiB + 2 rent was a 32 KiB array, all of it resident: 100,000 VUs held 3 GiB
        // of buffers). Pinned, the GC never copies (and so never touches) it either. bench/RESULTS.md.
        _receiveBuffer = GC.AllocateUninitializedArray<byte>(options.EffectiveReceiveBufferBytes, pinned: true);
        var headers = options.CaptureAllHeaders ? CapturedHeaders.All()
            : options.CapturedHeaders.Count > 0 ? new CapturedHeaders(options.CapturedHeaders) : null;
        var body = options.CaptureBody ? new PooledBodyBuffer(options.MaxCapturedBodyBytes) : null;
        _parser = new ResponseParser(options.MaxHeaderBytes, headers, body, options.MaxBodyBytes);
        Response = new HttpResponseView(_parser);
        _transport = TransportFactory.Create(options, Tls.Alpn.Http11);
    }

    /// <summary>The last response; valid until the next request.</summary>
    public HttpResponseView Response { get; }

    public bool IsConnected => _transport.IsConnected;

    /// <summary>Whether the last TLS handshake resumed an earlier session (fewer round trips, no certificate exchange).</summary>
    public bool ResumedTlsSession => _transport.ResumedSession;

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
        Response.FailureMessage = null;
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
                var clock = _clock.Reset(Stopwatch.GetTimestamp());
                try
                {
                    if (!_transport.IsConnected)
                    {
                        await ConnectAsync(clock).ConfigureAwait(false);
                    }

                    var bytes = _writer.Write(request, variables);
                    clock.SendStarted = Stopwatch.GetTimestamp();
                    await _transport.SendAsync(bytes).ConfigureAwait(false);
                    clock.Sent = Stopwatch.GetTimestamp();
                    sent = bytes.Length;
                    while (true)
                    {
                        if (_start < _end)
                        {
                            var status = _parser.Parse(_receiveBuffer.AsSpan(_start, _end - _start), out var consumed);
                            _start += consumed;
                            if (status == ParseStatus.Complete)
                            {
                                result = Finish(sent, received, clock.Timings(Stopwatch.GetTimestamp()));
                                break;
                            }
                            if (status == ParseStatus.Error)
                            {
                                Close();
                                result = new HttpExchangeResult(_parser.Failure, _parser.StatusCode, _parser.BodyBytes, sent, received, false, clock.Timings(Stopwatch.GetTimestamp()));
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
                                ? new HttpExchangeResult(HttpFailureKind.None, _parser.StatusCode, _parser.BodyBytes, sent, received, false, clock.Timings(Stopwatch.GetTimestamp()))
                                : ClosedEarly(reused, sent, received, clock);
                            break;
                        }
                        if (received == 0)
                        {
                            clock.FirstByte = Stopwatch.GetTimestamp();
                            if (_receiveBuffer[_end] is 0x15 or 0x16 && _options.Tls is null)
                            {
                                // A TLS alert or handshake record can never start "HTTP/1.x": this port speaks TLS.
                                Close();
                                Response.FailureMessage = $"{_options.Host}:{_options.Port} answered with TLS: use https:// for it";
                                result = new HttpExchangeResult(HttpFailureKind.TlsOnPlainPort, 0, 0, sent, read, false, clock.Timings(clock.FirstByte));
                                break;
                            }
                        }
                        _end += read;
                        received += read;
                    }
                }
                catch (Tls.TlsFailureException ex)
                {
                    Close();
                    Response.FailureMessage = ex.Message;
                    result = new HttpExchangeResult(ex.Kind, 0, 0, sent, received, false, clock.Timings(Stopwatch.GetTimestamp()));
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
                {
                    Close();
                    var kind = SocketFailureClassifier.Classify(ex, _transport.TimedOut && !callerToken.IsCancellationRequested, callerToken.IsCancellationRequested);
                    var statusCode = kind is HttpFailureKind.Reset or HttpFailureKind.Closed ? RetryMarker(reused, received, _parser.StatusCode) : _parser.StatusCode;
                    result = new HttpExchangeResult(kind, statusCode, _parser.BodyBytes, sent, received, false, clock.Timings(Stopwatch.GetTimestamp()));
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

    private HttpExchangeResult ClosedEarly(bool reused, long sent, long received, PhaseClock clock)
    {
        if (!reused && received == 0)
        {
            Response.FailureMessage = $"{_options.Host}:{_options.Port} closed a new connection without answering" +
                (_options.Tls is null ? " (if that port serves TLS, use https://)" : "");
        }

        return new HttpExchangeResult(HttpFailureKind.Closed, RetryMarker(reused, received, _parser.StatusCode), _parser.BodyBytes, sent, received, false, clock.Timings(Stopwatch.GetTimestamp()));
    }

    private static int RetryMarker(bool reused, long received, int statusCode) => reused && received == 0 ? -1 : statusCode;

    private HttpExchangeResult Finish(long sent, long received, HttpPhaseTimings timings)
    {
        if (!_parser.KeepAlive)
        {
            Close();
        }
        return new HttpExchangeResult(HttpFailureKind.None, _parser.StatusCode, _parser.BodyBytes, sent, received, false, timings);
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

    private async ValueTask ConnectAsync(PhaseClock clock)
    {
        _endPoints ??= await EndPoints.ResolveAsync(_options.Host, _options.Port).ConfigureAwait(false);
        await EndPoints.ConnectAsync(_transport, _endPoints, _options.ConnectTimeout).ConfigureAwait(false);
        clock.Connected = Stopwatch.GetTimestamp();
        _start = _end = 0;
        ConnectCount++;
        await _transport.HandshakeAsync().ConfigureAwait(false);
        clock.Handshaken = Stopwatch.GetTimestamp();
    }

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
    }
}
