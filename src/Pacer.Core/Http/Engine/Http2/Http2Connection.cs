using System.Diagnostics;
using System.Net.Sockets;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>
/// One HTTP/2 connection (RFC 9113) carrying the requests of many virtual users at once. Any
/// thread may start a stream (<see cref="TryEnqueue"/>); one read loop per connection decodes the
/// server's frames and completes the streams, whose VUs then continue on that thread and usually
/// start their next request at once, so a batch of responses turns into one write of new requests.
/// The server's SETTINGS are honoured as they come (MAX_CONCURRENT_STREAMS: further requests wait
/// for a free stream; INITIAL_WINDOW_SIZE and WINDOW_UPDATE: request bodies wait for window).
/// A GOAWAY or RST_STREAM fails the requests it hits, not the connection's others; requests the
/// server says it never processed (above GOAWAY's last stream, REFUSED_STREAM) are sent once more
/// on a fresh connection, as RFC 9113 section 8.7 allows.
/// </summary>
internal sealed partial class Http2Connection : IDisposable
{
    private const int StreamWindow = 1 << 20;
    private const int ConnectionWindow = 16 << 20;
    private const int DefaultWindow = 65535;
    private const int MaxFrameWeAccept = 16384;

    private enum State { Connecting, Open, Draining, Closed }

    private readonly ConnectionOptions _options;
    private readonly Http2ConnectionPool _pool;
    private readonly IConnectionTransport _transport;
    private readonly Lock _lock = new();
    private readonly Http2Writer _writer;
    private readonly Dictionary<int, Http2Stream> _streams = [];
    private readonly Queue<Http2Stream> _waiting = new();
    private readonly List<Http2Stream> _flowBlocked = [];
    private List<Http2Stream> _finished = [];
    private List<Http2Stream> _completing = [];
    private readonly List<Http2Stream> _resubmit = [];
    private readonly Hpack.HpackDecoder _decoder = new();
    private readonly byte[] _receiveBuffer = new byte[64 * 1024];
    private State _state = State.Connecting;
    private int _nextStreamId = 1;
    private int _maxConcurrent = int.MaxValue;
    private int _peerInitialWindow = DefaultWindow;
    private int _peerMaxFrame = 16384;
    private long _sendWindow = DefaultWindow;
    private int _receivedSinceUpdate;
    private bool _dispatching;
    private long _connectNanoseconds;
    private long _tlsNanoseconds;
    private string? _lostMessage;
    private HttpFailureKind _lostKind;

    // Cancelled when the connection is lost: ends whatever the read loop or a flush is waiting for,
    // and the read loop's exit closes the socket (closing it under a pending wait would strand it).
    private readonly CancellationTokenSource _closing = new();
    private (HttpFailureKind Kind, string Message)? _protocolFailure;

    public Http2Connection(ConnectionOptions options, Http2ConnectionPool pool)
    {
        _options = options;
        _pool = pool;
        _transport = TransportFactory.Create(options, Alpn.Http2);
        _writer = new Http2Writer(_transport, _lock, exception => Lose(Classify(exception), "sending to the server failed: " + exception.Message));
        _scheme = options.Tls is null ? (byte)0x86 : (byte)0x87; // :scheme http / https, static table 6 and 7
    }

    private readonly byte _scheme;

    /// <summary>Whether the event loop sweeps this connection (else the pool's timer must).</summary>
    public bool SweptByLoop { get; private set; }

    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _state == State.Closed;
            }
        }
    }

    /// <summary>Connects and reads until the connection ends; streams queue meanwhile.</summary>
    public void Start() => _ = RunAsync();

    /// <summary>Takes a request: started now, or queued for the handshake or a free stream. False when this connection takes no new streams.</summary>
    public bool TryEnqueue(Http2Stream stream)
    {
        lock (_lock)
        {
            if (_state is State.Draining or State.Closed)
            {
                return false;
            }

            if (_state == State.Open && _waiting.Count == 0 && _streams.Count < _maxConcurrent)
            {
                StartStream(stream);
            }
            else
            {
                _waiting.Enqueue(stream);
            }

            if (_dispatching)
            {
                return true; // the read loop flushes once its batch is done
            }
        }

        _writer.Flush();
        return true;
    }

    private async Task RunAsync()
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            _transport.BeginExchange(_options.ConnectTimeout, _closing.Token);
            var endPoints = await EndPoints.ResolveAsync(_options.Host, _options.Port).ConfigureAwait(false);
            await EndPoints.ConnectAsync(_transport, endPoints, _options.ConnectTimeout).ConfigureAwait(false);
            var connected = Stopwatch.GetTimestamp();

            // On the event loop the loop's own sweep ends overdue streams; elsewhere the pool's timer does.
            SweptByLoop = _transport.TrySetSweep(Sweep);
            await _transport.HandshakeAsync().ConfigureAwait(false);
            _connectNanoseconds = HttpPhaseTimings.Between(started, connected);
            _connectedAt = Stopwatch.GetTimestamp();
            _tlsNanoseconds = _options.Tls is null ? 0 : HttpPhaseTimings.Between(connected, _connectedAt);
            if (_options.Tls is not null && _transport.NegotiatedProtocol != "h2")
            {
                Lose(HttpFailureKind.Protocol, $"{_options.Host}:{_options.Port} does not speak HTTP/2 over TLS (ALPN chose {_transport.NegotiatedProtocol ?? "nothing"}): run without --http2");
                return;
            }

            _transport.BeginExchange(Timeout.InfiniteTimeSpan, _closing.Token);
            lock (_lock)
            {
                WritePreface();
            }

            _writer.Flush();
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (TlsFailureException exception)
        {
            Lose(exception.Kind, exception.Message);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Lose(Classify(exception), Describe(exception));
        }
        finally
        {
            _transport.Close();
        }
    }

    private HttpFailureKind Classify(Exception exception) =>
        SocketFailureClassifier.Classify(exception, _transport.TimedOut && !_closing.IsCancellationRequested, canceled: false);

    private string Describe(Exception exception) => Classify(exception) switch
    {
        HttpFailureKind.Refused => $"connection refused by {_options.Host}:{_options.Port}",
        HttpFailureKind.Timeout => $"connecting to {_options.Host}:{_options.Port} timed out",
        _ => $"the connection to {_options.Host}:{_options.Port} failed: {exception.Message}",
    };

    private async Task ReadLoopAsync()
    {
        var start = 0;
        var end = 0;
        while (true)
        {
            var read = await _transport.ReceiveAsync(_receiveBuffer.AsMemory(end)).ConfigureAwait(false);
            if (read == 0)
            {
                string? goAway;
                lock (_lock)
                {
                    goAway = _goAwayMessage;
                }

                if (goAway is not null)
                {
                    Lose(HttpFailureKind.GoAway, goAway);
                }
                else
                {
                    Lose(HttpFailureKind.Closed, $"{_options.Host}:{_options.Port} closed the HTTP/2 connection");
                }

                return;
            }

            end += read;
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                _dispatching = true;
                while (end - start >= Http2Frame.HeaderLength && _state != State.Closed && _protocolFailure is null)
                {
                    var header = _receiveBuffer.AsSpan(start, Http2Frame.HeaderLength);
                    var length = Http2Frame.ReadLength(header);
                    if (length > MaxFrameWeAccept)
                    {
                        ConnectionError(Http2Frame.FrameSizeError, $"a frame of {length} bytes, above the {MaxFrameWeAccept} allowed");
                        break;
                    }

                    if (end - start < Http2Frame.HeaderLength + length)
                    {
                        break;
                    }

                    HandleFrame(header[3], header[4], Http2Frame.ReadStreamId(header), _receiveBuffer.AsSpan(start + Http2Frame.HeaderLength, length), now);
                    start += Http2Frame.HeaderLength + length;
                }

                (_finished, _completing) = (_completing, _finished);
            }

            if (_protocolFailure is { } failure)
            {
                _writer.Flush(); // the GOAWAY that says why
                CompleteAndResubmit(_completing, now);
                Lose(failure.Kind, failure.Message);
                return;
            }

            if (start == end)
            {
                start = end = 0;
            }
            else if (start > 0)
            {
                _receiveBuffer.AsSpan(start, end - start).CopyTo(_receiveBuffer);
                end -= start;
                start = 0;
            }

            CompleteAndResubmit(_completing, now);
            lock (_lock)
            {
                _dispatching = false;
            }

            _writer.Flush();
            if (Volatile.Read(ref _lostMessage) is not null)
            {
                return;
            }
        }
    }

    // Outside the lock: completing a stream runs its VU, which may start its next request here.
    private void CompleteAndResubmit(List<Http2Stream> completing, long now)
    {
        for (var i = 0; i < completing.Count; i++)
        {
            var stream = completing[i];
            completing[i] = null!;
            stream.Complete(stream.PendingFailure, now, stream.PendingMessage);
        }

        completing.Clear();
        List<Http2Stream>? resubmit = null;
        lock (_lock)
        {
            if (_resubmit.Count > 0)
            {
                resubmit = [.. _resubmit];
                _resubmit.Clear();
            }
        }

        if (resubmit is not null)
        {
            foreach (var stream in resubmit)
            {
                _pool.Submit(stream);
            }
        }
    }
}
