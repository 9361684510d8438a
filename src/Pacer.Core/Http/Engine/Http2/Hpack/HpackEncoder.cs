namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>
/// Writes header fields in HPACK. <see cref="WriteIndexing"/> uses a dynamic table (full match:
/// indexed; otherwise a literal that the decoder adds), which is what RFC 7541's examples show.
/// <see cref="WriteStateless"/> never touches any table: the engine writes a request's fixed fields
/// once per <see cref="PreparedRequest"/> that way and copies the bytes into every request on any
/// connection, which costs a few bytes on the wire and no work per request.
/// </summary>
internal sealed class HpackEncoder(int maxTableSize = 4096)
{
    private readonly HpackDynamicTable _table = new(maxTableSize);

    public HpackDynamicTable Table => _table;

    /// <summary>An indexed field for a full match in either table, else a literal with incremental indexing.</summary>
    public int WriteIndexing(Span<byte> destination, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool huffman)
    {
        var index = HpackStaticTable.Find(name, value, out var nameOnly);
        if (index == 0 || nameOnly)
        {
            var dynamicIndex = _table.Find(name, value, out var dynamicNameOnly);
            if (dynamicIndex != 0 && !dynamicNameOnly)
            {
                return HpackInteger.Write(destination, HpackStaticTable.Count + dynamicIndex, 7, 0x80);
            }

            if (index == 0 && dynamicIndex != 0)
            {
                index = HpackStaticTable.Count + dynamicIndex;
            }

            nameOnly = true;
        }

        if (!nameOnly)
        {
            return HpackInteger.Write(destination, index, 7, 0x80);
        }

        var written = HpackInteger.Write(destination, index, 6, 0x40);
        if (index == 0)
        {
            written += WriteString(destination[written..], name, huffman);
        }

        written += WriteString(destination[written..], value, huffman);
        _table.Add(name, value);
        return written;
    }

    /// <summary>A static-table index for a full match, else a literal without indexing (static name index when there is one).</summary>
    public static int WriteStateless(Span<byte> destination, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var index = HpackStaticTable.Find(name, value, out var nameOnly);
        if (index != 0 && !nameOnly)
        {
            return HpackInteger.Write(destination, index, 7, 0x80);
        }

        var written = HpackInteger.Write(destination, index, 4, 0x00);
        if (index == 0)
        {
            written += WriteString(destination[written..], name, huffman: false);
        }

        return written + WriteString(destination[written..], value, huffman: false);
    }

    /// <summary>The most bytes <see cref="WriteStateless"/> can need for this field.</summary>
    public static int MaxStatelessLength(int nameLength, int valueLength) => nameLength + valueLength + 12;

    public static int WriteString(Span<byte> destination, ReadOnlySpan<byte> text, bool huffman)
    {
        if (huffman)
        {
            var length = HpackHuffman.EncodedLength(text);
            var written = HpackInteger.Write(destination, length, 7, 0x80);
            return written + HpackHuffman.Encode(text, destination[written..]);
        }

        var prefix = HpackInteger.Write(destination, text.Length, 7, 0x00);
        text.CopyTo(destination[prefix..]);
        return prefix + text.Length;
    }
}
