using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>
/// The outgoing side of one HTTP/2 connection: frames are appended to a buffer under the
/// connection's lock, and one flusher at a time sends what has gathered (two buffers swap, so
/// appending goes on while a send is under way). Everything the read loop's batch of responses
/// makes its VUs send goes out in one write.
/// </summary>
internal sealed class Http2Writer(IConnectionTransport transport, Lock connectionLock, Action<Exception> failed)
{
    // Plain arrays, not pooled: a send may still be reading one when the connection is dropped.
    private byte[] _pending = new byte[64 * 1024];
    private byte[] _sending = new byte[64 * 1024];
    private int _pendingLength;
    private int _sendingLength;
    private bool _flushing;
    private bool _broken;

    /// <summary>Room for <paramref name="length"/> bytes at the end of the pending buffer; call under the connection's lock, then <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int length)
    {
        if (_pendingLength + length > _pending.Length)
        {
            var larger = new byte[Math.Max(_pending.Length * 2, _pendingLength + length)];
            _pending.AsSpan(0, _pendingLength).CopyTo(larger);
            _pending = larger;
        }

        return _pending.AsSpan(_pendingLength, length);
    }

    public void Commit(int length) => _pendingLength += length;

    /// <summary>Sends what is pending unless another flush is under way (it will take it). Call without the lock.</summary>
    public void Flush()
    {
        lock (connectionLock)
        {
            if (_flushing || _broken || !TakePending())
            {
                return;
            }

            _flushing = true;
        }

        SendLoop();
    }

    // Under the lock: moves the pending bytes to the sending buffer; false when there are none.
    private bool TakePending()
    {
        if (_pendingLength == 0)
        {
            return false;
        }

        (_pending, _sending) = (_sending, _pending);
        _sendingLength = _pendingLength;
        _pendingLength = 0;
        return true;
    }

    private void SendLoop()
    {
        while (true)
        {
            ValueTask send;
            try
            {
                send = transport.SendAsync(_sending.AsMemory(0, _sendingLength));
            }
            catch (Exception exception)
            {
                Fail(exception);
                return;
            }

            if (!send.IsCompletedSuccessfully)
            {
                _ = SendSlowAsync(send);
                return;
            }

            send.GetAwaiter().GetResult();
            if (!Next())
            {
                return;
            }
        }
    }

    private bool Next()
    {
        lock (connectionLock)
        {
            if (TakePending())
            {
                return true;
            }

            _flushing = false;
            return false;
        }
    }

    private async Task SendSlowAsync(ValueTask send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(exception);
            return;
        }

        if (Next())
        {
            SendLoop();
        }
    }

    private void Fail(Exception exception)
    {
        lock (connectionLock)
        {
            _broken = true;
        }

        failed(exception);
    }
}
