using System.Net;

namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// The byte pipe under an <see cref="Http11Connection"/>: one TCP connection at a time, with the
/// request timeout kept here because each transport enforces it its own way. Failures surface
/// as SocketException, or OperationCanceledException for a timeout or the caller's token
/// (<see cref="TimedOut"/> tells which).
/// </summary>
internal interface IConnectionTransport : IDisposable
{
    bool IsConnected { get; }

    /// <summary>Whether the last failure was the request timeout (not the caller's token).</summary>
    bool TimedOut { get; }

    /// <summary>Starts the clock for one exchange.</summary>
    void BeginExchange(TimeSpan timeout, CancellationToken callerToken);

    void EndExchange();

    ValueTask ConnectAsync(EndPoint endPoint, TimeSpan connectTimeout);

    /// <summary>After <see cref="ConnectAsync"/>: the TLS handshake, or nothing on a plain connection.</summary>
    ValueTask HandshakeAsync() => ValueTask.CompletedTask;

    /// <summary>The protocol the server chose by ALPN ("h2", "http/1.1"), or null (plain, or no ALPN).</summary>
    string? NegotiatedProtocol => null;

    /// <summary>
    /// Asks the transport to run <paramref name="sweep"/> every few milliseconds on its own thread
    /// (the event loop's sweep) while connected; false when it cannot, and the caller keeps a timer.
    /// </summary>
    bool TrySetSweep(Action sweep) => false;

    /// <summary>Whether the last handshake resumed an earlier TLS session.</summary>
    bool ResumedSession => false;

    /// <summary>Sends all of <paramref name="bytes"/>.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> bytes);

    /// <summary>Reads what is available (at least one byte), or 0 at end of stream.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer);

    /// <summary>Drops the TCP connection; the transport can connect again.</summary>
    void Close();
}
