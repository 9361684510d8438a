using System.Buffers.Binary;

namespace Pacer.Core.Http.Engine.Http2;

/// <summary>Frame types, flags, settings and error codes of RFC 9113, and the 9-byte frame header.</summary>
internal static class Http2Frame
{
    public const int HeaderLength = 9;

    public const byte Data = 0;
    public const byte Headers = 1;
    public const byte Priority = 2;
    public const byte RstStream = 3;
    public const byte Settings = 4;
    public const byte PushPromise = 5;
    public const byte Ping = 6;
    public const byte GoAway = 7;
    public const byte WindowUpdate = 8;
    public const byte Continuation = 9;

    public const byte EndStream = 0x1;
    public const byte Ack = 0x1;
    public const byte EndHeaders = 0x4;
    public const byte Padded = 0x8;
    public const byte PriorityFlag = 0x20;

    public const ushort SettingsHeaderTableSize = 1;
    public const ushort SettingsEnablePush = 2;
    public const ushort SettingsMaxConcurrentStreams = 3;
    public const ushort SettingsInitialWindowSize = 4;
    public const ushort SettingsMaxFrameSize = 5;

    public const int ProtocolError = 1;
    public const int FlowControlError = 3;
    public const int FrameSizeError = 6;
    public const int RefusedStream = 7;
    public const int Cancel = 8;
    public const int CompressionError = 9;

    /// <summary>The client connection preface (section 3.4).</summary>
    public static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static void WriteHeader(Span<byte> destination, int length, byte type, byte flags, int streamId)
    {
        destination[0] = (byte)(length >> 16);
        destination[1] = (byte)(length >> 8);
        destination[2] = (byte)length;
        destination[3] = type;
        destination[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(destination[5..], streamId & int.MaxValue);
    }

    public static int ReadLength(ReadOnlySpan<byte> header) => (header[0] << 16) | (header[1] << 8) | header[2];

    public static int ReadStreamId(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt32BigEndian(header[5..]) & int.MaxValue;

    public static string ErrorName(int code) => code switch
    {
        0 => "NO_ERROR",
        1 => "PROTOCOL_ERROR",
        2 => "INTERNAL_ERROR",
        3 => "FLOW_CONTROL_ERROR",
        4 => "SETTINGS_TIMEOUT",
        5 => "STREAM_CLOSED",
        6 => "FRAME_SIZE_ERROR",
        7 => "REFUSED_STREAM",
        8 => "CANCEL",
        9 => "COMPRESSION_ERROR",
        10 => "CONNECT_ERROR",
        11 => "ENHANCE_YOUR_CALM",
        12 => "INADEQUATE_SECURITY",
        13 => "HTTP_1_1_REQUIRED",
        _ => $"error {code}",
    };
}
