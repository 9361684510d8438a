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
            registration = EventLoop.Next().Register(socket);
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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            var count = _socket!.Send(bytes.Span[sent..], SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                sent += count;
            }
            else if (error == SocketError.WouldBlock)
            {
                await WaitAsync(_registration!.Write, _deadline).ConfigureAwait(false);
            }
            else
            {
                throw new SocketException((int)error);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer)
    {
        if (!_mayHaveMore && !_registration!.HungUp)
        {
            await WaitAsync(_registration!.Read, _deadline).ConfigureAwait(false);
        }

        while (true)
        {
            var count = _socket!.Receive(buffer.Span, SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                _mayHaveMore = count == buffer.Length;
                return count;
            }

            if (error != SocketError.WouldBlock)
            {
                throw new SocketException((int)error);
            }

            await WaitAsync(_registration!.Read, _deadline).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WaitAsync(Readiness readiness, long deadline)
    {
        if (_callerToken.IsCancellationRequested || !await readiness.WaitAsync(deadline, _callerToken).ConfigureAwait(false))
        {
            _timedOut = !_callerToken.IsCancellationRequested;
            throw new OperationCanceledException(_timedOut ? "request timeout" : "canceled", _callerToken);
        }
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
