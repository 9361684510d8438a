using System.Net;
using System.Net.Sockets;

namespace Pacer.Core.Tests.HttpEngine;

/// <summary>
/// A loopback TCP server whose handler sees each accepted socket, for behaviour Kestrel will
/// not produce on demand (a reset, closing an idle keep-alive connection).
/// </summary>
internal sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Thread _thread;

    public RawTcpServer(Action<Socket, int> handleConnection)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(() =>
        {
            for (var index = 0; ; index++)
            {
                Socket socket;
                try
                {
                    socket = _listener.AcceptSocket();
                }
                catch (Exception ex) when (ex is SocketException or InvalidOperationException)
                {
                    return; // the listener was stopped
                }
                var connectionIndex = index;
                new Thread(() =>
                {
                    try
                    {
                        handleConnection(socket, connectionIndex);
                    }
                    catch (SocketException)
                    {
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    finally
                    {
                        socket.Dispose();
                    }
                })
                { IsBackground = true }.Start();
            }
        })
        { IsBackground = true };
        _thread.Start();
    }

    public int Port { get; }

    /// <summary>Reads until the end of one request head (these tests send bodiless GETs).</summary>
    public static bool ReadRequestHead(Socket socket, byte[] buffer)
    {
        var filled = 0;
        while (true)
        {
            var read = socket.Receive(buffer.AsSpan(filled));
            if (read == 0)
            {
                return false;
            }
            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0)
            {
                return true;
            }
        }
    }

    public void Dispose() => _listener.Stop();
}
