using System.Diagnostics;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>How streams and the connection end: timeouts swept, the connection lost, closed by the client.</summary>
internal sealed partial class Http2Connection
{
    /// <summary>The connection is gone: every stream on it or waiting for it fails with <paramref name="kind"/>.</summary>
    private void Lose(HttpFailureKind kind, string message)
    {
        List<Http2Stream> failed;
        lock (_lock)
        {
            if (_state == State.Closed)
            {
                return;
            }

            _state = State.Closed;
            _lostKind = kind;
            Volatile.Write(ref _lostMessage, message);
            failed = [.. _streams.Values, .. _waiting, .. _finished];
            foreach (var stream in _streams.Values)
            {
                stream.SetOutcome(kind, message);
            }

            foreach (var stream in _waiting)
            {
                stream.SetOutcome(kind, message);
            }

            _streams.Clear();
            _waiting.Clear();
            _flowBlocked.Clear();
            _finished.Clear();
        }

        _closing.Cancel();
        CompleteAndResubmit(failed, Stopwatch.GetTimestamp());
    }

    /// <summary>Every few milliseconds (the pool's timer): requests past their timeout or cancelled are reset (RST_STREAM CANCEL) and fail.</summary>
    public void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        List<Http2Stream>? expired = null;
        lock (_lock)
        {
            foreach (var (id, stream) in _streams)
            {
                if (now >= stream.Deadline || stream.Token.IsCancellationRequested)
                {
                    _streams.Remove(id);
                    _flowBlocked.Remove(stream);
                    WriteRstStream(id, Http2Frame.Cancel);
                    (expired ??= []).Add(Expire(stream));
                }
            }

            for (var i = _waiting.Count; i > 0; i--)
            {
                var stream = _waiting.Dequeue();
                if (now >= stream.Deadline || stream.Token.IsCancellationRequested)
                {
                    (expired ??= []).Add(Expire(stream));
                }
                else
                {
                    _waiting.Enqueue(stream);
                }
            }

            if (expired is not null)
            {
                StartWaiting();
            }
        }

        if (expired is not null)
        {
            CompleteAndResubmit(expired, now);
            _writer.Flush();
        }
    }

    private Http2Stream Expire(Http2Stream stream)
    {
        var canceled = stream.Token.IsCancellationRequested;
        stream.SetOutcome(
            canceled ? HttpFailureKind.Canceled : HttpFailureKind.Timeout,
            canceled ? "canceled" : $"no response within {_options.RequestTimeout.TotalMilliseconds:0} ms");
        return stream;
    }

    public void Close() => Lose(HttpFailureKind.Closed, "the connection was closed by the client");

    // The token source is left to the collector: the read loop may still be observing it after Close.
    public void Dispose() => Close();
}
