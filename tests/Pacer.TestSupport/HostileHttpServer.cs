using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacer.TestSupport;

/// <summary>What a <see cref="HostileHttpServer"/> answers to every request.</summary>
public enum HostileResponse
{
    /// <summary>200 with <c>Content-Length: 1073741824</c>, then zeros for as long as the client reads.</summary>
    GigabyteBody,

    /// <summary>200 with no length and a body that never ends (until the client closes).</summary>
    EndlessBody,

    /// <summary><c>Content-Length: -5</c>.</summary>
    NegativeLength,

    /// <summary>Two Content-Length headers that disagree (2 and 5).</summary>
    ConflictingLengths,

    /// <summary><c>Content-Length: 99999999999999999999999</c>, past any integer.</summary>
    OverflowingLength,
}

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that sends what no well-behaved server would (a 1 GiB or endless
/// body, malformed Content-Length), for proving every command reads responses by the same strict,
/// memory-bounded rules. Each connection is served on its own thread; sending stops when the client
/// goes away, and every connection ends when the server is disposed.
/// </summary>
public sealed class HostileHttpServer : IDisposable
{
    private static readonly byte[] Zeros = new byte[64 * 1024];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HostileResponse _response;
    private readonly CancellationTokenSource _stop = new();

    public HostileHttpServer(HostileResponse response)
    {
        _response = response;
        _listener.Start();
        new Thread(Accept) { IsBackground = true, Name = "hostile-http" }.Start();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private void Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = _listener.AcceptSocket();
            }
            catch (Exception exception) when (exception is SocketException or InvalidOperationException or ObjectDisposedException)
            {
                return; // stopped
            }

            new Thread(() => Serve(socket)) { IsBackground = true }.Start();
        }
    }

    private void Serve(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[16 * 1024];
                var head = new StringBuilder();
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = socket.Receive(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                socket.Send(Encoding.ASCII.GetBytes(Head()));
                if (_response is HostileResponse.GigabyteBody or HostileResponse.EndlessBody)
                {
                    // Until the client closes (an exception) or the server stops: never the whole gigabyte unless read.
                    while (!_stop.IsCancellationRequested)
                    {
                        socket.Send(Zeros);
                    }
                }
                else
                {
                    socket.Send("hello"u8.ToArray());
                    Thread.Sleep(200);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The client went away: that is the point.
            }
        }
    }

    private string Head() => _response switch
    {
        HostileResponse.GigabyteBody => "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1073741824\r\n\r\n",
        HostileResponse.EndlessBody => "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
        HostileResponse.NegativeLength => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: -5\r\n\r\n",
        HostileResponse.ConflictingLengths => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n",
        _ => "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
