using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pacer.Load.Runtime;

/// <summary>
/// A keep-alive HTTP/1.1 responder on 127.0.0.1 inside the process, answering every request with
/// one small JSON response: what <see cref="PathRehearsal"/> sends its throwaway requests to, so
/// compiling the request path costs the target nothing. It reads each request's head and its
/// Content-Length body (all the rehearsal sends) and lives for the rehearsal's fraction of a second.
/// </summary>
internal sealed class LoopbackResponder : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nSet-Cookie: primed=1\r\n\r\n{\"ok\":true}");

    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _serving = [];
    private readonly Task _accepting;

    public LoopbackResponder()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        _accepting = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await Quietly(_accepting).ConfigureAwait(false);
        Task[] serving;
        lock (_serving)
        {
            serving = [.. _serving];
        }

        foreach (var task in serving)
        {
            await Quietly(task).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            lock (_serving)
            {
                _serving.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[16 * 1024];
            var filled = 0;
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                int length;
                while ((length = RequestLength(buffer.AsSpan(0, filled))) > 0)
                {
                    await socket.SendAsync(Response, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                    buffer.AsSpan(length, filled - length).CopyTo(buffer);
                    filled -= length;
                }

                if (filled == buffer.Length)
                {
                    return; // Not a request this responder understands; the rehearsal never sends one.
                }
            }
        }
    }

    /// <summary>The length of the first whole request in <paramref name="received"/> (head and Content-Length body), 0 when it is not all there.</summary>
    internal static int RequestLength(ReadOnlySpan<byte> received)
    {
        var end = received.IndexOf(EndOfHead);
        if (end < 0)
        {
            return 0;
        }

        var head = Encoding.ASCII.GetString(received[..end]);
        var body = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                _ = int.TryParse(line.AsSpan(15).Trim(), out body);
            }
        }

        var length = end + EndOfHead.Length + body;
        return received.Length >= length ? length : 0;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping surfaces as cancellation, a socket error or a disposed socket: all mean "stopped".
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
