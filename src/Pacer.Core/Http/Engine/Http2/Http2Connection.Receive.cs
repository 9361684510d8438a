using System.Buffers.Binary;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>The read side: one frame at a time, under the connection's lock (RFC 9113 section 6).</summary>
internal sealed partial class Http2Connection : Hpack.IHeaderSink
{
    private byte[] _headerBlock = new byte[16 * 1024];
    private int _headerBlockLength;
    private int _headerBlockStream;
    private bool _headerBlockEndsStream;
    private Http2Stream? _decodingFor;

    private void HandleFrame(byte type, byte flags, int streamId, ReadOnlySpan<byte> payload, long now)
    {
        if (_headerBlockStream != 0 && type != Http2Frame.Continuation)
        {
            ConnectionError(Http2Frame.ProtocolError, "a header block was interrupted by another frame");
            return;
        }

        switch (type)
        {
            case Http2Frame.Data:
                OnData(flags, streamId, payload);
                break;
            case Http2Frame.Headers:
                OnHeaders(flags, streamId, payload, now);
                break;
            case Http2Frame.Continuation:
                OnContinuation(flags, streamId, payload, now);
                break;
            case Http2Frame.RstStream:
                OnRstStream(streamId, payload);
                break;
            case Http2Frame.Settings:
                OnSettings(flags, streamId, payload);
                break;
            case Http2Frame.Ping:
                if ((flags & Http2Frame.Ack) == 0 && payload.Length == 8)
                {
                    WriteFrame(Http2Frame.Ping, Http2Frame.Ack, 0, payload);
                }

                break;
            case Http2Frame.GoAway:
                OnGoAway(payload);
                break;
            case Http2Frame.WindowUpdate:
                OnWindowUpdate(streamId, payload);
                break;
            case Http2Frame.PushPromise:
                ConnectionError(Http2Frame.ProtocolError, "PUSH_PROMISE although push is disabled");
                break;
        }
    }

    private bool Unpad(byte flags, ref ReadOnlySpan<byte> payload)
    {
        if ((flags & Http2Frame.Padded) == 0)
        {
            return true;
        }

        if (payload.IsEmpty || payload[0] >= payload.Length)
        {
            ConnectionError(Http2Frame.ProtocolError, "padding longer than the frame");
            return false;
        }

        payload = payload[1..^payload[0]];
        return true;
    }

    private void OnData(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        var frameLength = payload.Length;
        _receivedSinceUpdate += frameLength;
        if (_receivedSinceUpdate >= ConnectionWindow / 2)
        {
            WriteWindowUpdate(0, _receivedSinceUpdate);
            _receivedSinceUpdate = 0;
        }

        if (streamId == 0 || !Unpad(flags, ref payload))
        {
            if (streamId == 0)
            {
                ConnectionError(Http2Frame.ProtocolError, "DATA on stream 0");
            }

            return;
        }

        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return; // a stream we reset (timeout): its data still counted against the connection window
        }

        stream.BytesReceived += Http2Frame.HeaderLength + frameLength;
        if (!stream.HasFinalHeaders)
        {
            FailStream(stream, HttpFailureKind.Protocol, "DATA before the response headers");
            WriteRstStream(streamId, Http2Frame.ProtocolError);
            return;
        }

        if (!stream.OnData(payload))
        {
            // The same bound as HTTP/1.1's: past --max-body the stream is reset, not read to the end.
            FailStream(stream, HttpFailureKind.BodyTooLarge, $"response body longer than the {ResponseParser.FormatBytes(stream.Options.MaxBodyBytes)} limit (raise it with --max-body)");
            WriteRstStream(streamId, Http2Frame.Cancel);
            return;
        }

        if ((flags & Http2Frame.EndStream) != 0)
        {
            FinishStream(stream, HttpFailureKind.None, null);
            return;
        }

        stream.ReceivedSinceUpdate += frameLength;
        if (stream.ReceivedSinceUpdate >= StreamWindow / 2)
        {
            WriteWindowUpdate(streamId, stream.ReceivedSinceUpdate);
            stream.ReceivedSinceUpdate = 0;
        }
    }

    private void OnHeaders(byte flags, int streamId, ReadOnlySpan<byte> payload, long now)
    {
        if (streamId == 0 || !Unpad(flags, ref payload))
        {
            if (streamId == 0)
            {
                ConnectionError(Http2Frame.ProtocolError, "HEADERS on stream 0");
            }

            return;
        }

        if ((flags & Http2Frame.PriorityFlag) != 0)
        {
            if (payload.Length < 5)
            {
                ConnectionError(Http2Frame.FrameSizeError, "HEADERS too short for its priority");
                return;
            }

            payload = payload[5..];
        }

        if (_streams.TryGetValue(streamId, out var stream))
        {
            stream.OnHeadersFrame(now);
            stream.BytesReceived += Http2Frame.HeaderLength + payload.Length;
        }

        var endStream = (flags & Http2Frame.EndStream) != 0;
        if ((flags & Http2Frame.EndHeaders) != 0)
        {
            DecodeHeaderBlock(streamId, payload, endStream);
            return;
        }

        _headerBlockStream = streamId;
        _headerBlockEndsStream = endStream;
        _headerBlockLength = 0;
        AppendHeaderBlock(payload);
    }

    private void OnContinuation(byte flags, int streamId, ReadOnlySpan<byte> payload, long now)
    {
        if (streamId == 0 || streamId != _headerBlockStream)
        {
            ConnectionError(Http2Frame.ProtocolError, "CONTINUATION without the HEADERS it continues");
            return;
        }

        if (_streams.TryGetValue(streamId, out var stream))
        {
            stream.OnHeadersFrame(now);
            stream.BytesReceived += Http2Frame.HeaderLength + payload.Length;
        }

        AppendHeaderBlock(payload);
        if ((flags & Http2Frame.EndHeaders) != 0)
        {
            _headerBlockStream = 0;
            DecodeHeaderBlock(streamId, _headerBlock.AsSpan(0, _headerBlockLength), _headerBlockEndsStream);
        }
    }

    private void AppendHeaderBlock(ReadOnlySpan<byte> fragment)
    {
        if (_headerBlockLength + fragment.Length > _headerBlock.Length)
        {
            Array.Resize(ref _headerBlock, Math.Max(_headerBlock.Length * 2, _headerBlockLength + fragment.Length));
        }

        fragment.CopyTo(_headerBlock.AsSpan(_headerBlockLength));
        _headerBlockLength += fragment.Length;
    }

    private void DecodeHeaderBlock(int streamId, ReadOnlySpan<byte> block, bool endStream)
    {
        // Decoded even for a stream we already gave up on: the HPACK table must stay in step.
        _streams.TryGetValue(streamId, out var stream);
        _decodingFor = stream;
        var decoded = _decoder.Decode(block, this, out var error);
        _decodingFor = null;
        if (!decoded)
        {
            ConnectionError(Http2Frame.CompressionError, "the server's header block does not decode: " + error);
            return;
        }

        if (stream is null)
        {
            return;
        }

        var final = stream.EndHeaderBlock();
        if (final && stream.StatusCode is < 100 or > 999)
        {
            FailStream(stream, HttpFailureKind.Protocol, "a response without a valid :status");
            WriteRstStream(streamId, Http2Frame.ProtocolError);
        }
        else if (endStream)
        {
            FinishStream(stream, final ? HttpFailureKind.None : HttpFailureKind.Protocol, final ? null : "the stream ended after an informational response");
        }
    }

    void Hpack.IHeaderSink.OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => _decodingFor?.OnHeader(name, value);

    private void OnRstStream(int streamId, ReadOnlySpan<byte> payload)
    {
        if (streamId == 0 || payload.Length != 4)
        {
            ConnectionError(Http2Frame.ProtocolError, "a malformed RST_STREAM");
            return;
        }

        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return;
        }

        var code = BinaryPrimitives.ReadInt32BigEndian(payload);
        if (code == Http2Frame.RefusedStream && !stream.Retried)
        {
            // Refused before any processing: safe to send again, on whichever connection the pool picks.
            RemoveStream(stream);
            stream.Retried = true;
            _resubmit.Add(stream);
            StartWaiting();
            return;
        }

        FinishStream(stream, HttpFailureKind.StreamReset, $"the server reset the request's stream ({Http2Frame.ErrorName(code)})");
    }
}
