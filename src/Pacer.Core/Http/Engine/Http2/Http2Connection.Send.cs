using System.Buffers.Binary;
using System.Buffers.Text;
using Pacer.Core.Http.Engine.Http2.Hpack;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>The write side and the streams' lifecycle; everything here runs under the connection's lock.</summary>
internal sealed partial class Http2Connection
{
    private byte[] _blockScratch = new byte[4096];
    private byte[] _nameScratch = new byte[64];

    private void WritePreface()
    {
        var preface = _writer.Reserve(Http2Frame.Preface.Length);
        Http2Frame.Preface.CopyTo(preface);
        _writer.Commit(preface.Length);

        Span<byte> settings = stackalloc byte[18];
        WriteSetting(settings, Http2Frame.SettingsEnablePush, 0);
        WriteSetting(settings[6..], Http2Frame.SettingsInitialWindowSize, StreamWindow);
        WriteSetting(settings[12..], Http2Frame.SettingsMaxFrameSize, MaxFrameWeAccept);
        WriteFrame(Http2Frame.Settings, 0, 0, settings);
        WriteWindowUpdate(0, ConnectionWindow - DefaultWindow);
    }

    private static void WriteSetting(Span<byte> destination, ushort id, int value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteInt32BigEndian(destination[2..], value);
    }

    private void WriteFrame(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        var frame = _writer.Reserve(Http2Frame.HeaderLength + payload.Length);
        Http2Frame.WriteHeader(frame, payload.Length, type, flags, streamId);
        payload.CopyTo(frame[Http2Frame.HeaderLength..]);
        _writer.Commit(frame.Length);
    }

    private void WriteRstStream(int streamId, int code)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, code);
        WriteFrame(Http2Frame.RstStream, 0, streamId, payload);
    }

    private void WriteWindowUpdate(int streamId, int increment)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, increment);
        WriteFrame(Http2Frame.WindowUpdate, 0, streamId, payload);
    }

    /// <summary>Starts as many waiting requests as the server's MAX_CONCURRENT_STREAMS lets run.</summary>
    private void StartWaiting()
    {
        while (_state == State.Open && _streams.Count < _maxConcurrent && _waiting.TryDequeue(out var stream))
        {
            StartStream(stream);
        }
    }

    private void StartStream(Http2Stream stream)
    {
        var id = _nextStreamId;
        _nextStreamId += 2;
        if (_nextStreamId < 0)
        {
            _state = State.Draining; // stream ids are spent: the next request opens a new connection
        }

        stream.Id = id;
        stream.SendWindow = _peerInitialWindow;
        stream.Started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (stream.Queued < _connectedAt)
        {
            // It waited for this connection to be made: its connect and handshake are its own.
            stream.ConnectNanoseconds = _connectNanoseconds;
            stream.TlsNanoseconds = _tlsNanoseconds;
        }

        _streams[id] = stream;
        var block = HeaderBlock(stream);
        var hasBody = !stream.BodyToSend.IsEmpty;
        var at = 0;
        var first = true;
        do
        {
            var length = Math.Min(block.Length - at, _peerMaxFrame);
            var last = at + length == block.Length;
            var flags = (byte)((last ? Http2Frame.EndHeaders : 0) | (first && !hasBody ? Http2Frame.EndStream : 0));
            WriteFrame(first ? Http2Frame.Headers : Http2Frame.Continuation, flags, id, block.Slice(at, length));
            stream.BytesSent += Http2Frame.HeaderLength + length;
            at += length;
            first = false;
        }
        while (at < block.Length);

        if (hasBody)
        {
            SendBody(stream);
        }
    }

    private long _connectedAt;

    // :method, :scheme, :path, then :authority and the regular fields (pseudo-fields come first).
    private ReadOnlySpan<byte> HeaderBlock(Http2Stream stream)
    {
        var fields = stream.Request.Http2;
        var variables = stream.Variables;
        var extra = variables.ExtraHeaderLines.Span;
        var body = stream.BodyToSend;
        var sendsLength = !body.IsEmpty || stream.Request.AlwaysSendsContentLength;
        var most = fields.Method.Length + 1 + fields.Path.Length + HpackEncoder.MaxStatelessLength(5, variables.Target.Length) +
            fields.Rest.Length + (extra.Length * 2) + (sendsLength ? 32 : 0);
        if (_blockScratch.Length < most)
        {
            _blockScratch = new byte[Math.Max(most, _blockScratch.Length * 2)];
        }

        var block = _blockScratch.AsSpan();
        var at = 0;
        fields.Method.CopyTo(block);
        at += fields.Method.Length;
        block[at++] = _scheme;
        if (variables.Target.IsEmpty)
        {
            fields.Path.CopyTo(block[at..]);
            at += fields.Path.Length;
        }
        else
        {
            at += HpackEncoder.WriteStateless(block[at..], ":path"u8, variables.Target.Span);
        }

        fields.Rest.CopyTo(block[at..]);
        at += fields.Rest.Length;
        while (!extra.IsEmpty)
        {
            var end = extra.IndexOf("\r\n"u8);
            var line = end < 0 ? extra : extra[..end];
            extra = end < 0 ? default : extra[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                at += HpackEncoder.WriteStateless(block[at..], Lower(line[..colon]), line[(colon + 1)..].Trim(" \t"u8));
            }
        }

        if (sendsLength)
        {
            Span<byte> digits = stackalloc byte[20];
            Utf8Formatter.TryFormat(body.Length, digits, out var written);
            at += HpackEncoder.WriteStateless(block[at..], "content-length"u8, digits[..written]);
        }

        return block[..at];
    }

    private ReadOnlySpan<byte> Lower(ReadOnlySpan<byte> name)
    {
        if (_nameScratch.Length < name.Length)
        {
            _nameScratch = new byte[name.Length * 2];
        }

        var lower = _nameScratch.AsSpan(0, name.Length);
        System.Text.Ascii.ToLower(name, lower, out _);
        return lower;
    }

    /// <summary>Sends as much of the stream's body as the windows allow; the rest waits for WINDOW_UPDATE.</summary>
    private void SendBody(Http2Stream stream)
    {
        while (!stream.BodyToSend.IsEmpty)
        {
            var length = (int)Math.Min(Math.Min(stream.BodyToSend.Length, _peerMaxFrame), Math.Min(_sendWindow, stream.SendWindow));
            if (length <= 0)
            {
                if (!_flowBlocked.Contains(stream))
                {
                    _flowBlocked.Add(stream);
                }

                return;
            }

            var last = length == stream.BodyToSend.Length;
            WriteFrame(Http2Frame.Data, last ? Http2Frame.EndStream : (byte)0, stream.Id, stream.BodyToSend.Span[..length]);
            stream.BodyToSend = stream.BodyToSend[length..];
            stream.BytesSent += Http2Frame.HeaderLength + length;
            _sendWindow -= length;
            stream.SendWindow -= length;
        }

        _flowBlocked.Remove(stream);
    }

    private void SendBlockedBodies()
    {
        for (var i = _flowBlocked.Count - 1; i >= 0 && _sendWindow > 0; i--)
        {
            if (i < _flowBlocked.Count)
            {
                SendBody(_flowBlocked[i]);
            }
        }
    }

    private void RemoveStream(Http2Stream stream)
    {
        _streams.Remove(stream.Id);
        if (_flowBlocked.Count > 0)
        {
            _flowBlocked.Remove(stream);
        }
    }

    /// <summary>The stream is over (answered, reset, failed): it leaves the connection and its VU is completed after the batch.</summary>
    private void FinishStream(Http2Stream stream, HttpFailureKind failure, string? message)
    {
        RemoveStream(stream);
        stream.SetOutcome(failure, message);
        _finished.Add(stream);
        StartWaiting();
        CloseIfDrained();
    }

    /// <summary>A stream error (section 5.4.2) on our side: the request fails, the connection goes on.</summary>
    private void FailStream(Http2Stream stream, HttpFailureKind failure, string message) => FinishStream(stream, failure, message);

    private void CloseIfDrained()
    {
        if (_state == State.Draining && _streams.Count == 0 && _protocolFailure is null)
        {
            _protocolFailure = (HttpFailureKind.GoAway, _goAwayMessage ?? "the connection was drained");
        }
    }
}
