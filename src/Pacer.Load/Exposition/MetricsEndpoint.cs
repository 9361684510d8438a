using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacer.Load.Exposition;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers <c>GET /metrics</c> with the Prometheus
/// text of a fresh <see cref="MetricsSnapshot"/>, 404 for any other path and 405 for other
/// methods. One request per connection (<c>Connection: close</c>): scrapers are happy with that,
/// and it keeps the server small enough to hold in mind. Loopback only, by design.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private const int MaxHeadBytes = 16 * 1024;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener listener;
    private readonly Func<MetricsSnapshot> snapshot;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;

    private MetricsEndpoint(TcpListener listener, Func<MetricsSnapshot> snapshot)
    {
        this.listener = listener;
        this.snapshot = snapshot;
        acceptLoop = AcceptAsync();
    }

    /// <summary>The port actually bound (useful with port 0).</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Url => $"http://127.0.0.1:{Port}/metrics";

    /// <summary>Starts serving on 127.0.0.1:<paramref name="port"/> (0 picks a free port); throws <see cref="SocketException"/> when the port is taken.</summary>
    public static MetricsEndpoint Start(int port, Func<MetricsSnapshot> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return new MetricsEndpoint(listener, snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (stopping.IsCancellationRequested || exception is SocketException or ObjectDisposedException)
            {
                // Once DisposeAsync has stopped the listener, a pending or next accept fails as a cancellation,
                // a SocketException or "Not listening" (InvalidOperationException), depending on the timing.
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
        {
            timeout.CancelAfter(ReadTimeout);
            try
            {
                var stream = client.GetStream();
                var requestLine = await ReadRequestLineAsync(stream, timeout.Token).ConfigureAwait(false);
                var response = Respond(requestLine);
                await stream.WriteAsync(response, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A scraper that hangs up or stalls costs nothing but its own connection.
            }
        }
    }

    private byte[] Respond(string? requestLine)
    {
        var parts = requestLine?.Split(' ');
        if (parts is not { Length: 3 } || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Response("400 Bad Request", "text/plain; charset=utf-8", "bad request\n");
        }

        var path = parts[1].Split('?')[0];
        if (path != "/metrics")
        {
            return Response("404 Not Found", "text/plain; charset=utf-8", "only /metrics is served here\n");
        }

        if (parts[0] is not ("GET" or "HEAD"))
        {
            return Response("405 Method Not Allowed", "text/plain; charset=utf-8", "use GET\n", "Allow: GET, HEAD\r\n");
        }

        var body = PrometheusText.Write(snapshot());
        var response = Response("200 OK", PrometheusText.ContentType, body);
        return parts[0] == "HEAD" ? HeadOnly(response) : response;
    }

    private static byte[] Response(string status, string contentType, string body, string extraHeaders = "")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}Connection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. bytes];
    }

    private static byte[] HeadOnly(byte[] response)
    {
        var end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        return response[..(end + 4)];
    }

    /// <summary>Reads the request head up to its blank line and returns the first line; null when the head is too large or the peer hung up early.</summary>
    private static async Task<string?> ReadRequestLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var head = buffer.AsSpan(0, length);
            if (head.IndexOf("\r\n\r\n"u8) >= 0 || head.IndexOf("\n\n"u8) >= 0)
            {
                var lineEnd = head.IndexOf((byte)'\n');
                return Encoding.ASCII.GetString(head[..lineEnd]).TrimEnd('\r');
            }
        }

        return null;
    }
}
