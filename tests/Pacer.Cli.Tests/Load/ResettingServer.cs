using System.Net;
using System.Net.Sockets;

namespace Pacer.Cli.Tests.Load;

/// <summary>
/// A TCP server that reads each request and answers with a reset (RST, via a zero linger) instead
/// of a response — what a crashing proxy or an overloaded server does. Kestrel cannot be made to do it reliably.
/// </summary>
public sealed class ResettingServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ResettingServer()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(stop.Token);
                _ = Task.Run(async () =>
                {
                    using (socket)
                    {
                        var buffer = new byte[4096];
                        await socket.ReceiveAsync(buffer, SocketFlags.None);
                        socket.LingerState = new LingerOption(true, 0);
                    }
                });
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Stopped. Depending on where the loop was when Stop() ran, that surfaces as a cancellation,
            // a SocketException or "Not listening" (InvalidOperationException): all three mean the same.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
