using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Bench;

/// <summary>
/// <c>Pacer.Bench hold-server PORT --hold 0.005s</c>: the fixed-rate check's target. It answers every
/// GET with a fixed 200 exactly <c>--hold</c> after reading it, and records how long it really held
/// each one (<c>GET /__holds</c>, <c>GET /__holds?reset</c>, as <see cref="HoldTimes"/>).
///
/// Why not Kestrel with Task.Delay: at 20,000 requests a second on one core, Kestrel's own queueing
/// and the timer's millisecond granularity made the recorded holds p99 28 ms for a 5 ms hold, and
/// that record started inside the handler, after Kestrel's queueing, so it was not a complete
/// expectation. Here one thread does everything: epoll on the connections and a timerfd armed for
/// the nanosecond the oldest held answer is due. A hold is the same for every request, so answers
/// fall due in the order requests were read and a queue is the whole schedule. What is recorded
/// runs from the read of the request to the return of the send: the server's lateness is in it.
/// What is not: the microseconds between a request reaching the socket and this loop reading it,
/// which is the loop's own backlog (each pass reads every ready connection before it sends).
/// </summary>
internal static class PreciseHoldServer
{
    private const ulong ListenerKey = ulong.MaxValue;
    private const ulong TimerKey = ulong.MaxValue - 1;
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 15\r\nContent-Type: application/json\r\n\r\n{\"status\":\"ok\"}");

    public static int Run(string[] args)
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            Console.Error.WriteLine("hold-server needs Linux, where Stopwatch reads CLOCK_MONOTONIC in nanoseconds.");
            return 2;
        }

        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var holdIndex = Array.IndexOf(args, "--hold");
        var hold = TimeSpan.FromSeconds(double.Parse(args[holdIndex + 1].TrimEnd('s'), CultureInfo.InvariantCulture));
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(4096);
        Console.WriteLine($"holding every answer {hold.TotalMilliseconds} ms at http://127.0.0.1:{port}/");
        new Loop(listener, hold.Ticks * (Stopwatch.Frequency / TimeSpan.TicksPerSecond)).Run();
        return 0;
    }

    private sealed class Connection(Socket socket, ulong key)
    {
        public Socket Socket { get; } = socket;
        public ulong Key { get; } = key;
        public bool Closed { get; set; }

        /// <summary>How much of "\r\n\r\n" the bytes read so far end with (a request head may span reads).</summary>
        public int HeadEndMatched { get; set; }

        /// <summary>The request line being read, to tell /__holds apart (only its first bytes matter).</summary>
        public StringBuilder RequestLine { get; } = new();
    }

    private readonly record struct HeldAnswer(Connection Connection, long ReadAt, long DueAt);

    private sealed class Loop(Socket listener, long holdTicks)
    {
        private readonly Dictionary<ulong, Connection> _connections = [];
        private readonly Queue<HeldAnswer> _held = new();
        private readonly HoldTimes _holds = new();
        private readonly byte[] _buffer = new byte[64 * 1024];
        private readonly int _epoll = HoldServerNative.CreateEpoll();
        private readonly int _timer = HoldServerNative.CreateTimer();
        private ulong _nextKey;
        private long _armedFor;

        public void Run()
        {
            HoldServerNative.Watch(_epoll, (int)listener.Handle, ListenerKey);
            HoldServerNative.Watch(_epoll, _timer, TimerKey);
            var events = new EpollNative.EpollEvent[256];
            while (true)
            {
                var count = HoldServerNative.Wait(_epoll, events);
                for (var i = 0; i < count; i++)
                {
                    switch (events[i].Data)
                    {
                        case ListenerKey:
                            AcceptAll();
                            break;
                        case TimerKey:
                            HoldServerNative.Acknowledge(_timer);
                            break;
                        default:
                            if (_connections.TryGetValue(events[i].Data, out var connection))
                            {
                                ReadAll(connection);
                            }

                            break;
                    }
                }

                SendDue();
            }
        }

        private void AcceptAll()
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = listener.Accept();
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.WouldBlock)
                {
                    return;
                }

                socket.Blocking = false;
                socket.NoDelay = true;
                var connection = new Connection(socket, _nextKey++);
                _connections.Add(connection.Key, connection);
                HoldServerNative.Watch(_epoll, (int)socket.Handle, connection.Key);
            }
        }

        private void ReadAll(Connection connection)
        {
            while (true)
            {
                var read = connection.Socket.Receive(_buffer, SocketFlags.None, out var error);
                if (error == SocketError.WouldBlock)
                {
                    return;
                }

                if (error != SocketError.Success || read == 0)
                {
                    Close(connection);
                    return;
                }

                var readAt = Stopwatch.GetTimestamp();
                foreach (var b in _buffer.AsSpan(0, read))
                {
                    if (connection.RequestLine.Length < 32 && connection.HeadEndMatched == 0)
                    {
                        connection.RequestLine.Append((char)b);
                    }

                    connection.HeadEndMatched = b == (connection.HeadEndMatched % 2 == 0 ? '\r' : '\n')
                        ? connection.HeadEndMatched + 1
                        : b == '\r' ? 1 : 0;
                    if (connection.HeadEndMatched == 4)
                    {
                        Received(connection, readAt);
                    }
                }
            }
        }

        // A whole request head has arrived: /__holds is answered at once, anything else is held.
        private void Received(Connection connection, long readAt)
        {
            var line = connection.RequestLine.ToString();
            connection.RequestLine.Clear();
            connection.HeadEndMatched = 0;
            if (line.StartsWith("GET /__holds", StringComparison.Ordinal))
            {
                var body = line.StartsWith("GET /__holds?reset", StringComparison.Ordinal) ? _holds.Reset() : _holds.Summary();
                Send(connection, Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nContent-Type: text/plain\r\n\r\n{body}"));
                return;
            }

            _held.Enqueue(new HeldAnswer(connection, readAt, readAt + holdTicks));
        }

        private void SendDue()
        {
            while (_held.TryPeek(out var next))
            {
                var now = Stopwatch.GetTimestamp();
                if (next.DueAt > now)
                {
                    if (_armedFor != next.DueAt)
                    {
                        HoldServerNative.ArmAt(_timer, next.DueAt);
                        _armedFor = next.DueAt;
                    }

                    return;
                }

                _held.Dequeue();
                if (!next.Connection.Closed && Send(next.Connection, Answer))
                {
                    _holds.Add(TimeSpan.FromTicks((Stopwatch.GetTimestamp() - next.ReadAt) / (Stopwatch.Frequency / TimeSpan.TicksPerSecond)));
                }
            }
        }

        // Answers are small: a send the kernel cannot take whole means the client stopped reading,
        // and that connection is dropped rather than buffered for.
        private bool Send(Connection connection, byte[] bytes)
        {
            var sent = connection.Socket.Send(bytes, SocketFlags.None, out var error);
            if (error == SocketError.Success && sent == bytes.Length)
            {
                return true;
            }

            Close(connection);
            return false;
        }

        private void Close(Connection connection)
        {
            if (connection.Closed)
            {
                return;
            }

            connection.Closed = true;
            HoldServerNative.Unwatch(_epoll, (int)connection.Socket.Handle);
            _connections.Remove(connection.Key);
            connection.Socket.Dispose();
        }
    }
}
