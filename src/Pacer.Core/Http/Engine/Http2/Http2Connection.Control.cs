using System.Buffers.Binary;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>The connection-level frames: SETTINGS, GOAWAY, WINDOW_UPDATE, and connection errors (under the lock).</summary>
internal sealed partial class Http2Connection
{
    private void OnSettings(byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        if ((flags & Http2Frame.Ack) != 0)
        {
            return;
        }

        if (streamId != 0 || payload.Length % 6 != 0)
        {
            ConnectionError(Http2Frame.FrameSizeError, "a malformed SETTINGS frame");
            return;
        }

        for (var at = 0; at < payload.Length; at += 6)
        {
            var id = BinaryPrimitives.ReadUInt16BigEndian(payload[at..]);
            var value = BinaryPrimitives.ReadUInt32BigEndian(payload[(at + 2)..]);
            switch (id)
            {
                case Http2Frame.SettingsMaxConcurrentStreams:
                    _maxConcurrent = (int)Math.Min(value, int.MaxValue);
                    break;
                case Http2Frame.SettingsInitialWindowSize when value > int.MaxValue:
                    ConnectionError(Http2Frame.FlowControlError, "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1");
                    return;
                case Http2Frame.SettingsInitialWindowSize:
                    var delta = (int)value - _peerInitialWindow;
                    _peerInitialWindow = (int)value;
                    foreach (var stream in _streams.Values)
                    {
                        stream.SendWindow += delta;
                    }

                    break;
                case Http2Frame.SettingsMaxFrameSize when value is < 16384 or > 16777215:
                    ConnectionError(Http2Frame.ProtocolError, "SETTINGS_MAX_FRAME_SIZE out of range");
                    return;
                case Http2Frame.SettingsMaxFrameSize:
                    _peerMaxFrame = (int)value;
                    break;
            }
        }

        WriteFrame(Http2Frame.Settings, Http2Frame.Ack, 0, []);
        if (_state == State.Connecting)
        {
            _state = State.Open;
        }

        SendBlockedBodies();
        StartWaiting();
    }

    private void OnGoAway(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 8)
        {
            ConnectionError(Http2Frame.FrameSizeError, "a malformed GOAWAY");
            return;
        }

        var lastStream = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        var code = BinaryPrimitives.ReadInt32BigEndian(payload[4..]);
        _state = State.Draining;
        var message = $"the server closed the connection (GOAWAY {Http2Frame.ErrorName(code)}) before answering";
        foreach (var stream in _streams.Values.Where(s => s.Id > lastStream).ToList())
        {
            // Above the last stream the server processed: never processed, so sent again once.
            RemoveStream(stream);
            if (stream.Retried)
            {
                stream.SetOutcome(HttpFailureKind.GoAway, message);
                _finished.Add(stream);
            }
            else
            {
                stream.Retried = true;
                _resubmit.Add(stream);
            }
        }

        while (_waiting.TryDequeue(out var waiting))
        {
            _resubmit.Add(waiting);
        }

        _goAwayMessage = message;
        CloseIfDrained();
    }

    private string? _goAwayMessage;

    private void OnWindowUpdate(int streamId, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4)
        {
            ConnectionError(Http2Frame.FrameSizeError, "a malformed WINDOW_UPDATE");
            return;
        }

        var increment = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        if (increment == 0)
        {
            ConnectionError(Http2Frame.ProtocolError, "WINDOW_UPDATE of 0");
            return;
        }

        if (streamId == 0)
        {
            _sendWindow += increment;
        }
        else if (_streams.TryGetValue(streamId, out var stream))
        {
            stream.SendWindow += increment;
        }

        SendBlockedBodies();
    }

    /// <summary>A connection error (section 5.4.1): GOAWAY with the code; the read loop then fails every stream.</summary>
    private void ConnectionError(int code, string message)
    {
        if (_protocolFailure is not null)
        {
            return;
        }

        Span<byte> goAway = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(goAway, 0);
        BinaryPrimitives.WriteInt32BigEndian(goAway[4..], code);
        WriteFrame(Http2Frame.GoAway, 0, 0, goAway);
        _protocolFailure = (HttpFailureKind.Protocol, $"HTTP/2 protocol error from {_options.Host}:{_options.Port}: {message}");
        _state = State.Draining;
    }
}
