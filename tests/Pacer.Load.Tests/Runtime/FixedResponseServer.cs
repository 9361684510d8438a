using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacer.Load.Tests.Runtime;

/// <summary>A keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with the same small response.</summary>
internal sealed class FixedResponseServer : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public FixedResponseServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Stopped. Depending on where the loop was when Stop() ran, that surfaces as a cancellation,
            // a SocketException or "Not listening" (InvalidOperationException): all three mean the same.
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[8192];
            var pending = "";
            try
            {
                while (true)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    pending += Encoding.ASCII.GetString(buffer, 0, read);
                    int end;
                    while ((end = pending.IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        pending = pending[(end + 4)..];
                        Interlocked.Increment(ref _requests);
                        await socket.SendAsync(Response, SocketFlags.None, _stop.Token);
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                // The client or the test went away.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
