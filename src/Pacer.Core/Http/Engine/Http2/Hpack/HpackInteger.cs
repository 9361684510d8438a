namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>HPACK's prefixed integers (RFC 7541 section 5.1).</summary>
internal static class HpackInteger
{
    /// <summary>
    /// Reads an integer whose first byte keeps its top <c>8 - prefixBits</c> bits for flags.
    /// False when the input ends first or the value does not fit an int.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, ref int at, int prefixBits, out int value)
    {
        var mask = (1 << prefixBits) - 1;
        value = source[at++] & mask;
        if (value < mask)
        {
            return true;
        }

        var shift = 0;
        while (at < source.Length)
        {
            var b = source[at++];
            if (shift > 28 || (shift == 28 && (b & 0x7F) > 7))
            {
                return false;
            }

            value += (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                return value >= 0;
            }
        }

        return false;
    }

    /// <summary>Writes <paramref name="value"/> with the flags in <paramref name="firstByteFlags"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, int value, int prefixBits, byte firstByteFlags)
    {
        var mask = (1 << prefixBits) - 1;
        if (value < mask)
        {
            destination[0] = (byte)(firstByteFlags | value);
            return 1;
        }

        destination[0] = (byte)(firstByteFlags | mask);
        value -= mask;
        var written = 1;
        while (value >= 0x80)
        {
            destination[written++] = (byte)((value & 0x7F) | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }
}
