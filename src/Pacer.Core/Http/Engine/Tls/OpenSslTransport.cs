using System.Net;
using System.Runtime.CompilerServices;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>
/// TLS on the engine's event loop: OpenSSL reads and writes the non-blocking socket itself
/// (SSL_set_fd, as wrk does), and only "wait until readable/writable" goes through epoll. A
/// request costs one SSL_write and usually one SSL_read, each one system call, with no copy
/// beyond OpenSSL's own and nothing allocated. OpenSSL reads ahead, so decrypted data may wait in
/// its buffers with no new epoll edge: after a read that returned data the next read asks OpenSSL
/// first, and only a WANT_READ (the socket is drained) waits for readiness.
/// </summary>
internal sealed class OpenSslTransport(TlsOptions options, Alpn alpn, string host, int port) : IConnectionTransport
{
    private readonly EventLoopTransport _tcp = new();

    // An SSL object must not be used from two threads at once: an HTTP/2 connection reads on its
    // loop while a VU elsewhere may write. Held only for each OpenSSL call, never across a wait.
    private readonly Lock _sslLock = new();
    private OpenSslContext? _context;
    private readonly string _peer = $"{host}:{port}";
    private nint _ssl;
    private bool _mayHaveMore;
    private bool _sessionKept;

    public bool IsConnected => _tcp.IsConnected;

    public bool TimedOut => _tcp.TimedOut;

    public string? NegotiatedProtocol { get; private set; }

    public bool ResumedSession { get; private set; }

    public void BeginExchange(TimeSpan timeout, CancellationToken callerToken)
    {
        _tcp.BeginExchange(timeout, callerToken);
        _mayHaveMore = _ssl != 0 && OpenSslNative.SslHasPending(_ssl) == 1;
    }

    public void EndExchange() => _tcp.EndExchange();

    public ValueTask ConnectAsync(EndPoint endPoint, TimeSpan connectTimeout) => _tcp.ConnectAsync(endPoint, connectTimeout);

    public bool TrySetSweep(Action sweep) => _tcp.TrySetSweep(sweep);

    public async ValueTask HandshakeAsync()
    {
        OpenSslContext context;
        try
        {
            context = _context ??= OpenSslContext.For(options, alpn);
        }
        catch (TlsConfigurationException exception)
        {
            throw new TlsFailureException(HttpFailureKind.TlsHandshake, exception.Message);
        }

        var ssl = OpenSslNative.SslNew(context.Handle);
        _ssl = ssl;
        _sessionKept = false;
        _mayHaveMore = false;
        NegotiatedProtocol = null;
        _ = OpenSslNative.SslSetFd(ssl, _tcp.Fd);
        OpenSslNative.SslSetConnectState(ssl);
        var name = context.Options.ServerName ?? host;
        var isAddress = IPAddress.TryParse(name, out _);
        if (!isAddress)
        {
            OpenSslNative.SslSetServerName(ssl, name);
        }

        if (!context.Options.Insecure)
        {
            _ = isAddress ? OpenSslNative.VerifyParamSetIp(OpenSslNative.SslGetParam(ssl), name) : OpenSslNative.SslSetHost(ssl, name);
        }

        context.OfferSession(ssl, _peer);
        while (true)
        {
            var result = OpenSslNative.SslDoHandshake(ssl);
            if (result == 1)
            {
                break;
            }

            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            var error = OpenSslNative.SslGetError(ssl, result);
            if (error == OpenSslNative.ErrorWantRead)
            {
                await _tcp.WaitReadableAsync().ConfigureAwait(false);
            }
            else if (error == OpenSslNative.ErrorWantWrite)
            {
                await _tcp.WaitWritableAsync().ConfigureAwait(false);
            }
            else
            {
                throw OpenSslFailure.Classify(ssl, error, errno, _peer, context.Options, handshaking: true);
            }
        }

        ResumedSession = OpenSslNative.SslSessionReused(ssl) == 1;
        NegotiatedProtocol = SelectedProtocol(ssl);
    }

    private static unsafe string? SelectedProtocol(nint ssl)
    {
        byte* selected;
        uint length;
        OpenSslNative.SslGetAlpnSelected(ssl, &selected, &length);
        var protocol = new ReadOnlySpan<byte>(selected, (int)length);
        return protocol.SequenceEqual("h2"u8) ? "h2" : protocol.SequenceEqual("http/1.1"u8) ? "http/1.1" : null;
    }

    private ValueTask WaitAsync(int want) => want == WantRead ? _tcp.WaitReadableAsync() : _tcp.WaitWritableAsync();

    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes)
    {
        var result = TryWrite(bytes.Span);
        return result > 0 ? ValueTask.CompletedTask : SendWhenReadyAsync(bytes, result);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendWhenReadyAsync(ReadOnlyMemory<byte> bytes, int want)
    {
        // A non-blocking SSL_write that wanted I/O must be repeated with the same bytes.
        while (want <= 0)
        {
            await WaitAsync(want).ConfigureAwait(false);
            want = TryWrite(bytes.Span);
        }
    }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer)
    {
        if (_mayHaveMore || _tcp.HungUp)
        {
            var count = TryRead(buffer.Span);
            if (count >= 0)
            {
                return new ValueTask<int>(count);
            }

            if (count == WantWrite)
            {
                return ReceiveWhenReadyAsync(buffer, WantWrite);
            }
        }

        return ReceiveWhenReadyAsync(buffer, WantRead);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveWhenReadyAsync(Memory<byte> buffer, int want)
    {
        while (true)
        {
            await WaitAsync(want).ConfigureAwait(false);
            var count = TryRead(buffer.Span);
            if (count >= 0)
            {
                return count;
            }

            want = count;
        }
    }

    private const int WantRead = -1;
    private const int WantWrite = -2;

    // Bytes written (all of them), or WantRead / WantWrite.
    private unsafe int TryWrite(ReadOnlySpan<byte> bytes)
    {
        using var scope = _sslLock.EnterScope();
        ObjectDisposedException.ThrowIf(_ssl == 0, this);

        fixed (byte* pointer = bytes)
        {
            var result = OpenSslNative.SslWrite(_ssl, pointer, bytes.Length);
            if (result > 0)
            {
                return result;
            }

            var want = Want(result);
            return want != 0 ? want : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.Shutdown);
        }
    }

    // Bytes read, 0 at the end of the stream, or WantRead / WantWrite.
    private unsafe int TryRead(Span<byte> buffer)
    {
        using var scope = _sslLock.EnterScope();
        ObjectDisposedException.ThrowIf(_ssl == 0, this);

        fixed (byte* pointer = buffer)
        {
            var result = OpenSslNative.SslRead(_ssl, pointer, buffer.Length);
            if (result > 0)
            {
                _mayHaveMore = true;
                if (!_sessionKept)
                {
                    // TLS 1.3 tickets come after the handshake, with the first data: keep the session now.
                    _sessionKept = true;
                    _context!.Remember(_ssl, _peer);
                }

                return result;
            }

            _mayHaveMore = false;
            var want = Want(result);
            if (want == 0 && !_sessionKept && OpenSslFailure.ClosedBeforeAnyData(_peer, options) is { } refused)
            {
                throw refused;
            }

            return want;
        }
    }

    private int Want(int result)
    {
        var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
        var error = OpenSslNative.SslGetError(_ssl, result);
        return error switch
        {
            OpenSslNative.ErrorWantRead => WantRead,
            OpenSslNative.ErrorWantWrite => WantWrite,
            OpenSslNative.ErrorZeroReturn => 0,
            OpenSslNative.ErrorSyscall when errno == 0 && OpenSslNative.ErrorPeek() == 0 => 0, // EOF without close_notify
            _ => throw OpenSslFailure.Classify(_ssl, error, errno, _peer, options, handshaking: false),
        };
    }

    public void Close()
    {
        lock (_sslLock)
        {
            if (_ssl != 0)
            {
                if (_sessionKept)
                {
                    // Freed without a shutdown, OpenSSL would mark the session not resumable; after a
                    // good exchange it is fine to offer again (no close_notify is sent: keep-alive closes are silent).
                    OpenSslNative.SslSetShutdown(_ssl, OpenSslNative.ShutdownBoth);
                }

                OpenSslNative.SslFree(_ssl);
                _ssl = 0;
            }

            _tcp.Close();
        }
    }

    public void Dispose() => Close();
}
