using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// Non-blocking sockets driven by <see cref="EventLoop"/>: send and recv are plain system calls
/// made on whatever thread runs the connection (after the first response, the loop thread), and
/// only "wait until readable" goes through epoll. After a send we wait for readability before
/// the first recv, which saves the recv-that-says-EAGAIN .NET makes on every receive.
/// </summary>
internal sealed class EventLoopTransport : IConnectionTransport
{
    private Socket? _socket;
    private EventLoop.Registration? _registration;
    private long _deadline = long.MaxValue;
    private CancellationToken _callerToken;
    private bool _timedOut;

    // True while the last recv filled the whole buffer: more may be waiting without a new edge.
    private bool _mayHaveMore;

    public bool IsConnected => _socket is not null;

    public bool TimedOut => _timedOut;

    public void BeginExchange(TimeSpan timeout, CancellationToken callerToken)
    {
        _timedOut = false;
        _callerToken = callerToken;
        _deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    public void EndExchange() => _deadline = long.MaxValue;

    public async ValueTask ConnectAsync(EndPoint endPoint, TimeSpan connectTimeout)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        EventLoop.Registration? registration = null;
        try
        {
            // In work posted to a loop (an iteration the open model started there), stay on that
            // loop: the exchange then begins and ends on one thread, whose pools its state returns to.
            registration = (EventLoop.RunningPostedWork ?? EventLoop.Next()).Register(socket);
            try
            {
                socket.Connect(endPoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                var connectDeadline = Math.Min(_deadline, Stopwatch.GetTimestamp() + (long)(connectTimeout.TotalSeconds * Stopwatch.Frequency));
                await WaitAsync(registration.Write, connectDeadline).ConfigureAwait(false);
                var error = (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != 0)
                {
                    throw new SocketException(error);
                }
            }
        }
        catch
        {
            if (registration is not null)
            {
                registration.Loop.Unregister(registration);
            }

            socket.Dispose();
            throw;
        }

        registration.Read.Clear();
        registration.Write.Clear();
        _socket = socket;
        _registration = registration;
        _mayHaveMore = false;
    }

    // Send and receive are written so the common case costs no async state machine of its own:
    // a request fits the socket buffer (send completes at once), and a receive waits on the
    // Readiness directly, so the connection's exchange is the only async layer above the loop.
    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
    {
        var sent = SocketNative.TrySend(_registration!.Fd, bytes.Span);
        return sent == bytes.Length ? ValueTask.CompletedTask : SendRestAsync(bytes, Math.Max(sent, 0));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendRestAsync(ReadOnlyMemory<byte> bytes, int sent)
    {
        while (sent < bytes.Length)
        {
            var count = SocketNative.TrySend(_registration!.Fd, bytes.Span[sent..]);
            if (count >= 0)
            {
                sent += count;
            }
            else
            {
                await WaitAsync(_registration!.Write, _deadline).ConfigureAwait(false);
            }
        }
    }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer)
    {
        var registration = _registration!;
        if (_mayHaveMore || registration.HungUp)
        {
            var count = SocketNative.TryReceive(registration.Fd, buffer.Span);
            if (count >= 0)
            {
                _mayHaveMore = count == buffer.Length;
                return new ValueTask<int>(count);
            }
        }

        return ReceiveWhenReadableAsync(buffer);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveWhenReadableAsync(Memory<byte> buffer)
    {
        var registration = _registration!;
        while (true)
        {
            // The wait is inlined (not WaitAsync) to keep one state machine per receive.
            if (_callerToken.IsCancellationRequested || !await registration.Read.WaitAsync(_deadline, _callerToken).ConfigureAwait(false))
            {
                throw WaitEnded();
            }

            var count = SocketNative.TryReceive(registration.Fd, buffer.Span);
            if (count >= 0)
            {
                _mayHaveMore = count == buffer.Length;
                return count;
            }
        }
    }

    public bool TrySetSweep(Action sweep)
    {
        if (_registration is not { } registration)
        {
            return false;
        }

        registration.Swept = sweep;
        return true;
    }

    /// <summary>The connected socket's descriptor, for a TLS layer that reads and writes it itself.</summary>
    internal int Fd => Registered.Fd;

    /// <summary>Whether the peer hung up or the socket failed (sticky until the next connect).</summary>
    internal bool HungUp => _registration?.HungUp ?? true;

    /// <summary>Waits until the socket is readable, within the exchange's deadline.</summary>
    internal ValueTask WaitReadableAsync() => WaitAsync(Registered.Read, _deadline);

    /// <summary>Waits until the socket is writable, within the exchange's deadline.</summary>
    internal ValueTask WaitWritableAsync() => WaitAsync(Registered.Write, _deadline);

    private EventLoop.Registration Registered => _registration ?? throw new ObjectDisposedException(nameof(EventLoopTransport));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitAsync(Readiness readiness, long deadline)
    {
        if (_callerToken.IsCancellationRequested || !await readiness.WaitAsync(deadline, _callerToken).ConfigureAwait(false))
        {
            throw WaitEnded();
        }
    }

    // A wait ended without readiness: the caller cancelled, or else the request's deadline passed.
    private OperationCanceledException WaitEnded()
    {
        _timedOut = !_callerToken.IsCancellationRequested;
        return new OperationCanceledException(_timedOut ? "request timeout" : "canceled", _callerToken);
    }

    public void Close()
    {
        if (_registration is { } registration)
        {
            registration.Loop.Unregister(registration);
            _registration = null;
        }

        _socket?.Dispose();
        _socket = null;
    }

    public void Dispose() => Close();
}
