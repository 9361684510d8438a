using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks.Sources;
using Pacer.Core.Http.Engine.Http2.Hpack;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>
/// One virtual user's request on HTTP/2, reused for each of its requests: what to send, the
/// stream's state on its connection (id, send window, body still to send), the decoded response
/// and the completion the VU awaits. Completed once per request by the connection that carried it;
/// its continuation runs inline on the completing thread (the connection's event loop).
/// </summary>
internal sealed class Http2Stream : IValueTaskSource<HttpExchangeResult>, IResponseSource, IHeaderSink
{
    private ManualResetValueTaskSourceCore<HttpExchangeResult> _core;
    private readonly CapturedHeaders? _headers;
    private readonly PooledBodyBuffer? _body;
    private List<string>? _setCookies;
    private bool _finalHeaders;

    public Http2Stream(ConnectionOptions options, int slot)
    {
        Options = options;
        Slot = slot;
        _headers = options.CaptureAllHeaders ? CapturedHeaders.All()
            : options.CapturedHeaders.Count > 0 ? new CapturedHeaders(options.CapturedHeaders) : null;
        _body = options.CaptureBody ? new PooledBodyBuffer(options.MaxCapturedBodyBytes) : null;
    }

    public ConnectionOptions Options { get; }

    /// <summary>Which of the pool's connections this VU uses.</summary>
    public int Slot { get; }

    public short Version => _core.Version;

    // The request
    public PreparedRequest Request { get; private set; } = null!;

    public RequestVariables Variables { get; private set; }

    public CancellationToken Token { get; private set; }

    public long Deadline { get; private set; }

    /// <summary>Already sent once more after the server refused it unprocessed (GOAWAY, REFUSED_STREAM): never twice.</summary>
    public bool Retried { get; set; }

    // On the connection (under its lock)
    public int Id { get; set; }

    public long SendWindow { get; set; }

    public ReadOnlyMemory<byte> BodyToSend { get; set; }

    public int ReceivedSinceUpdate { get; set; }

    // Timing (Stopwatch timestamps) and byte counts
    public long Queued { get; private set; }

    public long Started { get; set; }

    public long FirstByte { get; private set; }

    public long ConnectNanoseconds { get; set; }

    public long TlsNanoseconds { get; set; }

    public long BytesSent { get; set; }

    public long BytesReceived { get; set; }

    // IResponseSource
    public int StatusCode { get; private set; }

    public long ContentLength { get; private set; } = -1;

    public bool IsChunked => false;

    public long BodyBytes { get; private set; }

    public bool KeepAlive => true;

    public CapturedHeaders? Headers => _headers;

    public PooledBodyBuffer? Body => _body;

    public IReadOnlyList<string> SetCookies => _setCookies ?? (IReadOnlyList<string>)[];

    public string? ErrorMessage { get; private set; }

    public void Prepare(PreparedRequest request, in RequestVariables variables, CancellationToken token)
    {
        _core.Reset();
        Request = request;
        Variables = variables;
        Token = token;
        var now = Stopwatch.GetTimestamp();
        Queued = now;
        Deadline = Options.RequestTimeout == Timeout.InfiniteTimeSpan ? long.MaxValue : now + (long)(Options.RequestTimeout.TotalSeconds * Stopwatch.Frequency);
        Retried = false;
        PendingFailure = HttpFailureKind.None;
        PendingMessage = null;
        Id = 0;
        Started = FirstByte = 0;
        ConnectNanoseconds = TlsNanoseconds = 0;
        BytesSent = BytesReceived = 0;
        ReceivedSinceUpdate = 0;
        BodyToSend = variables.Body ?? request.Body;
        StatusCode = 0;
        ContentLength = -1;
        BodyBytes = 0;
        ErrorMessage = null;
        _finalHeaders = false;
        _headers?.Clear();
        _body?.Clear();
        _setCookies?.Clear();
    }

    /// <summary>A HEADERS block begins: the first one is the first byte of the response.</summary>
    public void OnHeadersFrame(long now)
    {
        if (FirstByte == 0)
        {
            FirstByte = now;
        }
    }

    /// <summary>After a header block: whether it was the final response head (not 1xx, not trailers).</summary>
    public bool EndHeaderBlock()
    {
        if (_finalHeaders)
        {
            return true; // trailers
        }

        if (StatusCode is >= 100 and < 200)
        {
            StatusCode = 0; // informational: the real head follows
            _headers?.Clear();
            return false;
        }

        _finalHeaders = true;
        return true;
    }

    public bool HasFinalHeaders => _finalHeaders;

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (_finalHeaders)
        {
            return; // trailers are decoded (HPACK state) but not kept
        }

        if (name.SequenceEqual(":status"u8))
        {
            StatusCode = Utf8Parser.TryParse(value, out int status, out var used) && used == value.Length ? status : -1;
            return;
        }

        if (name.SequenceEqual("content-length"u8))
        {
            ContentLength = Utf8Parser.TryParse(value, out long length, out _) ? length : -1;
        }
        else if (name.SequenceEqual("set-cookie"u8))
        {
            (_setCookies ??= []).Add(Encoding.Latin1.GetString(value));
        }

        _headers?.Offer(name, value);
    }

    /// <summary>Takes a DATA frame's payload; false when the body passed <see cref="ConnectionOptions.MaxBodyBytes"/> (the stream must be reset).</summary>
    public bool OnData(ReadOnlySpan<byte> data)
    {
        if (BodyBytes + data.Length > Options.MaxBodyBytes)
        {
            return false;
        }

        BodyBytes += data.Length;
        _body?.Append(data);
        return true;
    }

    /// <summary>How the request ended, set under the connection's lock and reported by <see cref="Complete"/> outside it.</summary>
    public HttpFailureKind PendingFailure { get; private set; }

    public string? PendingMessage { get; private set; }

    public void SetOutcome(HttpFailureKind failure, string? message = null)
    {
        PendingFailure = failure;
        PendingMessage = message;
    }

    /// <summary>Ends the request; call once, after the connection let go of the stream.</summary>
    public void Complete(HttpFailureKind failure, long now, string? message = null)
    {
        ErrorMessage = message;
        var firstByte = FirstByte == 0 ? now : FirstByte;
        var started = Started == 0 ? now : Started;
        var blocked = HttpPhaseTimings.Between(Queued, started) - ConnectNanoseconds - TlsNanoseconds;
        var timings = new HttpPhaseTimings(
            Math.Max(0, blocked),
            ConnectNanoseconds,
            TlsNanoseconds,
            0,
            HttpPhaseTimings.Between(started, firstByte),
            HttpPhaseTimings.Between(firstByte, now));
        var status = failure == HttpFailureKind.None ? StatusCode : Math.Max(StatusCode, 0);
        _core.SetResult(new HttpExchangeResult(failure, status, BodyBytes, BytesSent, BytesReceived, Retried, timings));
    }

    public HttpExchangeResult GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    public void Dispose() => _body?.Dispose();
}
