using System.Buffers.Text;
using System.Text;

namespace Pacer.Core.Http.Engine;

public enum ParseStatus
{
    NeedMoreData,
    Complete,
    Error,
}

/// <summary>
/// Incremental HTTP/1.x response parser. It consumes whole lines of the head (and of chunk
/// framing) and any amount of body, and reports how much it consumed; the caller keeps the
/// unconsumed tail and appends the next read to it, so reads may split anywhere.
/// Only what a load client needs is interpreted: status, Content-Length, Transfer-Encoding,
/// Connection, plus the headers the caller asked to capture.
/// </summary>
public sealed class ResponseParser(int maxHeaderBytes, CapturedHeaders? capturedHeaders = null, PooledBodyBuffer? body = null, long maxBodyBytes = long.MaxValue) : IResponseSource
{
    private enum State { StatusLine, HeaderLine, FixedBody, ChunkSizeLine, ChunkData, ChunkDataEnd, TrailerLine, UntilClose, Done }

    private State _state;
    private bool _isHeadRequest;
    private int _headBytes;
    private long _remaining;
    private bool _http10;
    private bool _sawKeepAlive;
    private bool _sawClose;

    public int StatusCode { get; private set; }

    /// <summary>The declared Content-Length, or -1 when absent.</summary>
    public long ContentLength { get; private set; } = -1;

    public bool IsChunked { get; private set; }

    /// <summary>Body bytes received (after chunk decoding).</summary>
    public long BodyBytes { get; private set; }

    /// <summary>Whether the connection may carry another request once this response is complete.</summary>
    public bool KeepAlive { get; private set; }

    public HttpFailureKind Failure { get; private set; }

    public string? ErrorMessage { get; private set; }

    public CapturedHeaders? Headers => capturedHeaders;

    /// <summary>
    /// Every Set-Cookie value of the response, always collected (whatever was asked to be captured):
    /// the engine keeps no cookie jar, so its caller must know a server started a session.
    /// Allocates only when the response sets cookies.
    /// </summary>
    public IReadOnlyList<string> SetCookies => _setCookies ?? (IReadOnlyList<string>)[];

    private List<string>? _setCookies;

    public PooledBodyBuffer? Body => body;

    /// <summary>True once the response reads "until the server closes" (no length, not chunked).</summary>
    public bool IsCloseDelimited => _state == State.UntilClose;

    public void Reset(bool isHeadRequest)
    {
        _state = State.StatusLine;
        _isHeadRequest = isHeadRequest;
        ResetHead();
        BodyBytes = 0;
        Failure = HttpFailureKind.None;
        ErrorMessage = null;
        capturedHeaders?.Clear();
        body?.Clear();
        _setCookies?.Clear();
    }

    private void ResetHead()
    {
        _headBytes = 0;
        _remaining = 0;
        _http10 = false;
        _sawKeepAlive = false;
        _sawClose = false;
        StatusCode = 0;
        ContentLength = -1;
        IsChunked = false;
        KeepAlive = false;
    }

    /// <summary>Consumes as much of <paramref name="data"/> as it can; <paramref name="consumed"/> says how much.</summary>
    public ParseStatus Parse(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            switch (_state)
            {
                case State.Done:
                    return ParseStatus.Complete;
                case State.FixedBody:
                case State.ChunkData:
                    {
                        var take = (int)Math.Min(_remaining, data.Length - consumed);
                        if (BodyBytes + take > maxBodyBytes)
                        {
                            return BodyTooLarge();
                        }

                        TakeBody(data.Slice(consumed, take));
                        consumed += take;
                        _remaining -= take;
                        if (_remaining > 0)
                        {
                            return ParseStatus.NeedMoreData;
                        }
                        _state = _state == State.FixedBody ? State.Done : State.ChunkDataEnd;
                        continue;
                    }
                case State.UntilClose:
                    if (BodyBytes + data.Length - consumed > maxBodyBytes)
                    {
                        return BodyTooLarge();
                    }

                    TakeBody(data[consumed..]);
                    consumed = data.Length;
                    return ParseStatus.NeedMoreData;
            }

            var rest = data[consumed..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                return rest.Length > maxHeaderBytes - _headBytes
                    ? Fail(HttpFailureKind.HeaderTooLarge, $"response head exceeds {maxHeaderBytes} bytes")
                    : ParseStatus.NeedMoreData;
            }
            var line = rest[..newline];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            consumed += newline + 1;
            _headBytes += newline + 1;
            if (_headBytes > maxHeaderBytes)
            {
                return Fail(HttpFailureKind.HeaderTooLarge, $"response head exceeds {maxHeaderBytes} bytes");
            }
            var ok = _state switch
            {
                State.StatusLine => OnStatusLine(line),
                State.HeaderLine => OnHeaderLine(line),
                State.ChunkSizeLine => OnChunkSizeLine(line),
                State.ChunkDataEnd => OnChunkDataEnd(line),
                State.TrailerLine => OnTrailerLine(line),
                _ => false,
            };
            if (!ok)
            {
                return ParseStatus.Error;
            }
        }
    }

    /// <summary>The server closed the stream: complete for a close-delimited body, a failure otherwise.</summary>
    public ParseStatus OnEndOfStream()
    {
        if (_state == State.UntilClose)
        {
            _state = State.Done;
            return ParseStatus.Complete;
        }
        return _state == State.Done ? ParseStatus.Complete : Fail(HttpFailureKind.Closed, "connection closed before the response was complete");
    }

    private void TakeBody(ReadOnlySpan<byte> chunk)
    {
        BodyBytes += chunk.Length;
        body?.Append(chunk);
    }

    private ParseStatus BodyTooLarge() =>
        Fail(HttpFailureKind.BodyTooLarge, $"response body longer than the {FormatBytes(maxBodyBytes)} limit (raise it with --max-body)");

    /// <summary>Bytes as people read sizes: 16MiB, 512KiB, 100B.</summary>
    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)}MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024}KiB",
        _ => $"{bytes}B",
    };

    private ParseStatus Fail(HttpFailureKind kind, string message)
    {
        Failure = kind;
        ErrorMessage = message;
        return ParseStatus.Error;
    }

    private bool Protocol(string message)
    {
        Fail(HttpFailureKind.Protocol, message);
        return false;
    }

    private bool OnStatusLine(ReadOnlySpan<byte> line)
    {
        // "HTTP/1.x 200 reason" — the reason phrase is optional and ignored.
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' ' ||
            !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11]) ||
            (line.Length > 12 && line[12] != (byte)' '))
        {
            return Protocol("malformed status line");
        }
        _http10 = line[7] == (byte)'0';
        StatusCode = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        _state = State.HeaderLine;
        return true;
    }

    private bool OnHeaderLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return OnEndOfHead();
        }
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return Protocol("malformed header line");
        }
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0 ||
                (ContentLength >= 0 && ContentLength != length))
            {
                return Protocol("invalid Content-Length");
            }
            ContentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            // Chunked must be the final coding; anything else leaves the body close-delimited.
            IsChunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8);
        }
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            // Almost always exactly one token: test it whole before splitting the list.
            if (Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
            {
                _sawKeepAlive = true;
            }
            else if (Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                _sawClose = true;
            }
            else
            {
                _sawClose |= ContainsToken(value, "close"u8);
                _sawKeepAlive |= ContainsToken(value, "keep-alive"u8);
            }
        }
        else if (name.Length == 10 && Ascii.EqualsIgnoreCase(name, "Set-Cookie"u8))
        {
            (_setCookies ??= []).Add(Encoding.Latin1.GetString(value));
        }
        capturedHeaders?.Offer(name, value);
        return true;
    }

    private static bool ContainsToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }
        return false;
    }

    private bool OnEndOfHead()
    {
        if (StatusCode is >= 100 and < 200 && StatusCode != 101)
        {
            // Informational responses (100 Continue, 103 Early Hints) precede the real one.
            ResetHead();
            capturedHeaders?.Clear();
            _state = State.StatusLine;
            return true;
        }
        KeepAlive = _http10 ? _sawKeepAlive && !_sawClose : !_sawClose;
        if (_isHeadRequest || StatusCode is 204 or 304 or 101)
        {
            KeepAlive &= StatusCode != 101;
            _state = State.Done;
        }
        else if (IsChunked)
        {
            _headBytes = 0;
            _state = State.ChunkSizeLine;
        }
        else if (ContentLength > maxBodyBytes)
        {
            // Declared too long: fail now rather than read what will be refused.
            Fail(HttpFailureKind.BodyTooLarge, $"response declares a {ContentLength}-byte body, longer than the {FormatBytes(maxBodyBytes)} limit (raise it with --max-body)");
            return false;
        }
        else if (ContentLength >= 0)
        {
            _remaining = ContentLength;
            _state = ContentLength == 0 ? State.Done : State.FixedBody;
        }
        else
        {
            KeepAlive = false;
            _state = State.UntilClose;
        }
        return true;
    }

    private bool OnChunkSizeLine(ReadOnlySpan<byte> line)
    {
        // Chunk framing lines are not part of the head; only trailers count towards its limit.
        _headBytes = 0;
        if (!ChunkSizeLine.TryParse(line, out var size))
        {
            return Protocol("invalid chunk size");
        }
        _remaining = size;
        _state = size == 0 ? State.TrailerLine : State.ChunkData;
        return true;
    }

    private bool OnChunkDataEnd(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty)
        {
            return Protocol("chunk data not followed by CRLF");
        }
        _headBytes = 0;
        _state = State.ChunkSizeLine;
        return true;
    }

    private bool OnTrailerLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            _state = State.Done;
        }
        return true;
    }
}
