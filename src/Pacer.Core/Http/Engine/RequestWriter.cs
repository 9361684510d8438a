using System.Buffers;
using System.Buffers.Text;

namespace Pacer.Core.Http.Engine;

/// <summary>Writes a request into a reusable, pool-rented send buffer without allocating.</summary>
public sealed class RequestWriter : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);

    /// <summary>Serialises the request and returns the bytes to send (valid until the next call).</summary>
    public ReadOnlyMemory<byte> Write(PreparedRequest request, in RequestVariables variables)
    {
        var target = variables.Target.IsEmpty ? request.Target : variables.Target.Span;
        var body = variables.Body is { } overriding ? overriding.Span : request.Body;
        var extra = variables.ExtraHeaderLines.Span;
        var sendsLength = !body.IsEmpty || request.AlwaysSendsContentLength;
        var size = request.MethodAndSpace.Length + target.Length + " HTTP/1.1\r\n"u8.Length +
            request.FixedHeaderLines.Length + extra.Length + (sendsLength ? 40 : 0) + 2 + body.Length;
        EnsureCapacity(size);

        var span = _buffer.AsSpan();
        var at = 0;
        Append(span, ref at, request.MethodAndSpace);
        Append(span, ref at, target);
        Append(span, ref at, " HTTP/1.1\r\n"u8);
        Append(span, ref at, request.FixedHeaderLines);
        Append(span, ref at, extra);
        if (sendsLength)
        {
            Append(span, ref at, "Content-Length: "u8);
            Utf8Formatter.TryFormat(body.Length, span[at..], out var written);
            at += written;
            Append(span, ref at, "\r\n"u8);
        }
        Append(span, ref at, "\r\n"u8);
        Append(span, ref at, body);
        return _buffer.AsMemory(0, at);
    }

    private static void Append(Span<byte> destination, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        at += bytes.Length;
    }

    private void EnsureCapacity(int size)
    {
        if (size <= _buffer.Length)
        {
            return;
        }
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
