using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// The portable transport: .NET's async socket operations, with the request timeout as a reused
/// CancellationTokenSource. Used where the event loop is not available (not Linux x86-64).
/// </summary>
internal sealed class SocketTransport : IConnectionTransport
{
    private CancellationTokenSource _timeoutCts = new();
    private CancellationToken _token;
    private CancellationToken _callerToken;
    private CancellationTokenRegistration _registration;
    private bool _timerRunning;
    private Socket? _socket;

    public bool IsConnected => _socket is not null;

    /// <summary>The connected socket, for a TLS stream laid over it.</summary>
    internal Socket? Socket => _socket;

    /// <summary>Cancelled by the request timeout or the caller's token, for the exchange under way.</summary>
    internal CancellationToken Token => _token;

    public bool TimedOut => _timeoutCts.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    public void BeginExchange(TimeSpan timeout, CancellationToken callerToken)
    {
        _callerToken = callerToken;
        if (timeout == Timeout.InfiniteTimeSpan && !callerToken.CanBeCanceled)
        {
            _token = CancellationToken.None;
            return;
        }

        if (!_timeoutCts.TryReset())
        {
            _timeoutCts.Dispose();
            _timeoutCts = new CancellationTokenSource();
        }

        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timeoutCts.CancelAfter(timeout);
            _timerRunning = true;
        }

        _registration = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _timeoutCts)
            : default;
        _token = _timeoutCts.Token;
    }

    public void EndExchange()
    {
        _registration.Dispose();
        _registration = default;
        if (_timerRunning)
        {
            _timeoutCts.CancelAfter(Timeout.Infinite);
            _timerRunning = false;
        }
    }

    public async ValueTask ConnectAsync(EndPoint endPoint, TimeSpan connectTimeout)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var connectTimeoutCts = CancellationTokenSource.CreateLinkedTokenSource(_token);
        connectTimeoutCts.CancelAfter(connectTimeout);
        try
        {
            await socket.ConnectAsync(endPoint, connectTimeoutCts.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket!.SendAsync(bytes[sent..], SocketFlags.None, _token).ConfigureAwait(false);
        }
    }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer) =>
        _socket!.ReceiveAsync(buffer, SocketFlags.None, _token);

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    public void Dispose()
    {
        Close();
        _registration.Dispose();
        _timeoutCts.Dispose();
    }
}
