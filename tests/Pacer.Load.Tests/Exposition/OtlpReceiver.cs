using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacer.Load.Tests.Exposition;

/// <summary>
/// A tiny collector on 127.0.0.1 and a random port: reads each HTTP/1.1 POST (head and a
/// Content-Length body), keeps it, answers 200. Enough to see exactly what the pusher sends.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public OtlpReceiver()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public ConcurrentQueue<(string RequestLine, string ContentType, string Body)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await loop;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // Stopped. Depending on where the loop was when Stop() ran, that surfaces as a cancellation,
                // a SocketException or "Not listening" (InvalidOperationException): all three mean the same.
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new List<byte>();
            var chunk = new byte[8192];
            int headEnd;
            while ((headEnd = IndexOfBlankLine(buffer)) < 0)
            {
                var read = await stream.ReadAsync(chunk, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
            }

            var head = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]).Split("\r\n");
            string Header(string name) => head.Skip(1).Select(l => l.Split(':', 2)).Where(p => p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault() ?? "";
            var length = int.Parse(Header("Content-Length"), System.Globalization.CultureInfo.InvariantCulture);
            while (buffer.Count < headEnd + 4 + length)
            {
                var read = await stream.ReadAsync(chunk, stopping.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
            }

            Requests.Enqueue((head[0], Header("Content-Type"), Encoding.UTF8.GetString([.. buffer.Skip(headEnd + 4).Take(length)])));
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{}"u8.ToArray(), stopping.Token);
        }
    }

    private static int IndexOfBlankLine(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
