namespace Pacer.Core.Http.Engine;

/// <summary>Reads the hexadecimal size at the start of a chunk line; extensions after ';' are ignored.</summary>
internal static class ChunkSizeLine
{
    public static bool TryParse(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var end = line.IndexOfAny(";\t "u8);
        var digits = end < 0 ? line : line[..end];
        if (digits.IsEmpty || digits.Length > 15) // 15 hex digits cannot overflow a long
        {
            return false;
        }
        foreach (var b in digits)
        {
            var nibble = HexValue(b);
            if (nibble < 0)
            {
                return false;
            }
            size = (size << 4) | (long)nibble;
        }
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
