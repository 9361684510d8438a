using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Pacer.Core.Http.Engine.Http2.Hpack;

namespace Pacer.Core.Tests.HttpEngine.Http2;

/// <summary>
/// A scripted HTTP/2 server (h2c, prior knowledge) for what Kestrel and nginx will not do on
/// demand: lower MAX_CONCURRENT_STREAMS mid-connection, send GOAWAY at a chosen stream, reset a
/// stream. Each accepted connection runs the test's script on its own thread with blocking I/O.
/// </summary>
internal sealed class RawHttp2Server(Action<RawHttp2Connection> script) : IDisposable
{
    private readonly RawTcpServer _tcp = new((socket, index) =>
    {
        using var connection = new RawHttp2Connection(socket, index);
        try
        {
            connection.Handshake();
            script(connection);
        }
        catch (Exception e) when (e is EndOfStreamException or SocketException or ObjectDisposedException)
        {
            // The client went away: the script is over.
        }
    });

    public int Port => _tcp.Port;

    public void Dispose() => _tcp.Dispose();
}

internal sealed record RawFrame(byte Type, byte Flags, int StreamId, byte[] Payload);

internal sealed class RawHttp2Connection(Socket socket, int index) : IDisposable, IHeaderSink
{
    private readonly HpackDecoder _decoder = new();
    private string? _path;

    public int Index { get; } = index;

    /// <summary>Reads the client's preface and SETTINGS, sends ours (allowing 100 streams) and acknowledges theirs.</summary>
    public void Handshake()
    {
        ReadExactly(24);
        ReadFrame();
        Settings((3, 100));
        Send(4, 1, 0, []);
    }

    public void Settings(params (ushort Id, uint Value)[] settings)
    {
        var payload = new byte[settings.Length * 6];
        for (var i = 0; i < settings.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(i * 6), settings[i].Id);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan((i * 6) + 2), settings[i].Value);
        }

        Send(4, 0, 0, payload);
    }

    /// <summary>Whether a frame arrives within <paramref name="wait"/>.</summary>
    public bool HasData(TimeSpan wait) => socket.Poll((int)wait.TotalMicroseconds, SelectMode.SelectRead);

    public RawFrame ReadFrame()
    {
        var header = ReadExactly(9);
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        return new RawFrame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, ReadExactly(length));
    }

    /// <summary>
    /// Reads until the next request's HEADERS (END_HEADERS expected in one frame) and returns its
    /// stream and :path; SETTINGS ACKs and WINDOW_UPDATEs on the way are noted, DATA skipped. Null
    /// when the client closed. <paramref name="settingsAcked"/> counts the client's SETTINGS ACKs.
    /// </summary>
    public (int StreamId, string Path)? ReadRequest(ref int settingsAcked)
    {
        while (true)
        {
            RawFrame frame;
            try
            {
                frame = ReadFrame();
            }
            catch (Exception e) when (e is SocketException or EndOfStreamException)
            {
                return null;
            }

            if (frame.Type == 4 && (frame.Flags & 1) != 0)
            {
                settingsAcked++;
            }

            if (frame.Type == 1)
            {
                _path = null;
                if (!_decoder.Decode(frame.Payload, this, out var error))
                {
                    throw new InvalidDataException(error);
                }

                return (frame.StreamId, _path ?? "");
            }
        }
    }

    public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (name.SequenceEqual(":path"u8))
        {
            _path = Encoding.ASCII.GetString(value);
        }
    }

    public void Respond(int streamId, int status, string body)
    {
        var block = new byte[64];
        var length = HpackEncoder.WriteStateless(block, ":status"u8, Encoding.ASCII.GetBytes(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        length += HpackEncoder.WriteStateless(block.AsSpan(length), "content-type"u8, "text/plain"u8);
        Send(1, 4, streamId, block[..length]);
        Send(0, 1, streamId, Encoding.UTF8.GetBytes(body));
    }

    public void Reset(int streamId, int code) => Send(3, 0, streamId, BigEndian(code));

    public void GoAway(int lastStreamId, int code) => Send(7, 0, 0, [.. BigEndian(lastStreamId), .. BigEndian(code)]);

    public void Send(byte type, byte flags, int streamId, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
        payload.CopyTo(frame, 9);
        socket.Send(frame);
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private byte[] ReadExactly(int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = socket.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0)
            {
                throw new EndOfStreamException();
            }

            read += n;
        }

        return buffer;
    }

    public void Dispose()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        socket.Dispose();
    }
}
