namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>
/// The Huffman code of RFC 7541 Appendix B. It is canonical (codes of one length are consecutive
/// and ordered by symbol), so the code lengths alone define it: codes are built from them once.
/// Decoding looks the next 10 bits up in a table (every symbol of 10 bits or fewer, which covers
/// printable ASCII), and walks the canonical ranges only for the longer codes.
/// </summary>
internal static class HpackHuffman
{
    private const int LookupBits = 10;
    private const int EndOfString = 256;

    // Code length in bits of symbols 0-255 and EOS (256), RFC 7541 Appendix B.
    private static ReadOnlySpan<byte> Lengths =>
    [
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
        28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
        6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    ];

    private static readonly uint[] Codes = new uint[257];
    private static readonly ushort[] Lookup = new ushort[1 << LookupBits]; // symbol << 5 | length, 0 when longer than LookupBits
    private static readonly uint[] FirstCode = new uint[31];
    private static readonly int[] CountOfLength = new int[31];
    private static readonly int[] FirstIndex = new int[31];
    private static readonly ushort[] SymbolsByCode = new ushort[257];

    static HpackHuffman()
    {
        var order = Enumerable.Range(0, 257).OrderBy(s => Lengths[s]).ThenBy(s => s).ToArray();
        uint code = 0;
        var previous = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var symbol = order[i];
            int length = Lengths[symbol];
            code <<= length - previous;
            previous = length;
            if (CountOfLength[length]++ == 0)
            {
                FirstCode[length] = code;
                FirstIndex[length] = i;
            }

            SymbolsByCode[i] = (ushort)symbol;
            Codes[symbol] = code;
            if (length <= LookupBits)
            {
                var start = (int)(code << (LookupBits - length));
                var span = 1 << (LookupBits - length);
                Lookup.AsSpan(start, span).Fill((ushort)((symbol << 5) | length));
            }

            code++;
        }
    }

    /// <summary>The encoded length in bytes of <paramref name="text"/>.</summary>
    public static int EncodedLength(ReadOnlySpan<byte> text)
    {
        long bits = 0;
        foreach (var b in text)
        {
            bits += Lengths[b];
        }

        return (int)((bits + 7) / 8);
    }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/> (at least <see cref="EncodedLength"/> bytes); returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in text)
        {
            int length = Lengths[b];
            buffer = (buffer << length) | Codes[b];
            bits += length;
            while (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(buffer >> bits);
            }
        }

        if (bits > 0)
        {
            // Pad with the most significant bits of EOS (all ones).
            destination[written++] = (byte)((buffer << (8 - bits)) | (0xFFu >> bits));
        }

        return written;
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/> (grown when needed); returns the decoded length,
    /// or -1 for invalid input (EOS inside the string, padding longer than 7 bits or not all ones).
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, ref byte[] destination)
    {
        // Every symbol is at least 5 bits, so the output is at most 8/5 of the input.
        var most = (source.Length * 8 / 5) + 1;
        if (destination.Length < most)
        {
            destination = new byte[Math.Max(most, destination.Length * 2)];
        }

        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        var at = 0;
        while (true)
        {
            while (bits <= 56 && at < source.Length)
            {
                buffer |= (ulong)source[at++] << (56 - bits);
                bits += 8;
            }

            if (bits == 0)
            {
                return written;
            }

            var entry = Lookup[(int)(buffer >> (64 - LookupBits))];
            int length = entry & 31;
            int symbol;
            if (length != 0 && length <= bits)
            {
                symbol = entry >> 5;
            }
            else if (!TryDecodeLong(buffer, bits, out symbol, out length))
            {
                // What is left must be padding: fewer than 8 bits, all ones.
                return bits < 8 && buffer >> (64 - bits) == (1UL << bits) - 1 ? written : -1;
            }

            if (symbol == EndOfString)
            {
                return -1;
            }

            destination[written++] = (byte)symbol;
            buffer <<= length;
            bits -= length;
        }
    }

    private static bool TryDecodeLong(ulong buffer, int bits, out int symbol, out int length)
    {
        for (length = 5; length <= 30 && length <= bits; length++)
        {
            var code = (uint)(buffer >> (64 - length));
            var offset = code - FirstCode[length];
            if (CountOfLength[length] > 0 && code >= FirstCode[length] && offset < (uint)CountOfLength[length])
            {
                symbol = SymbolsByCode[FirstIndex[length] + (int)offset];
                return true;
            }
        }

        symbol = 0;
        return false;
    }
}
