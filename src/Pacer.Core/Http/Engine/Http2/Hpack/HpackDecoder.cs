namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>
/// Decodes header blocks (RFC 7541) for one connection: every representation, Huffman strings,
/// the dynamic table and its size updates (bounded by the SETTINGS_HEADER_TABLE_SIZE we sent).
/// Fields go to an <see cref="IHeaderSink"/> as spans; nothing is allocated per block once the
/// scratch buffers have grown. Not thread-safe: a connection's reader is its only user.
/// </summary>
internal sealed class HpackDecoder(int maxTableSize = 4096)
{
    private readonly HpackDynamicTable _table = new(maxTableSize);
    private byte[] _name = new byte[256];
    private byte[] _value = new byte[1024];

    public HpackDynamicTable Table => _table;

    /// <summary>Decodes one whole header block; false with <paramref name="error"/> on a compression error.</summary>
    public bool Decode(ReadOnlySpan<byte> block, IHeaderSink sink, out string? error)
    {
        var at = 0;
        var fieldSeen = false;
        while (at < block.Length)
        {
            var first = block[at];
            if ((first & 0x80) != 0)
            {
                // Indexed header field.
                if (!HpackInteger.TryRead(block, ref at, 7, out var index) || !TryGetEntry(index, out var name, out var value))
                {
                    return Fail("invalid indexed header field", out error);
                }

                sink.OnHeader(name, value);
                fieldSeen = true;
            }
            else if ((first & 0xE0) == 0x20)
            {
                // Dynamic table size update: only at the start of a block, within our limit.
                if (fieldSeen || !HpackInteger.TryRead(block, ref at, 5, out var size) || size > maxTableSize)
                {
                    return Fail("invalid dynamic table size update", out error);
                }

                _table.Resize(size);
            }
            else
            {
                // Literal: with incremental indexing (01), without (0000) or never indexed (0001).
                var indexing = (first & 0xC0) == 0x40;
                var prefix = indexing ? 6 : 4;
                if (!HpackInteger.TryRead(block, ref at, prefix, out var nameIndex))
                {
                    return Fail("truncated literal header field", out error);
                }

                ReadOnlySpan<byte> name;
                if (nameIndex == 0)
                {
                    if (!TryReadString(block, ref at, ref _name, out name))
                    {
                        return Fail("invalid header name", out error);
                    }
                }
                else if (!TryGetEntry(nameIndex, out name, out _))
                {
                    return Fail("invalid header name index", out error);
                }
                else if (nameIndex > HpackStaticTable.Count)
                {
                    // The name lives in the dynamic table, which the insert below may evict: copy it.
                    if (_name.Length < name.Length)
                    {
                        _name = new byte[name.Length * 2];
                    }

                    name.CopyTo(_name);
                    name = _name.AsSpan(0, name.Length);
                }

                if (!TryReadString(block, ref at, ref _value, out var value))
                {
                    return Fail("invalid header value", out error);
                }

                sink.OnHeader(name, value);
                if (indexing)
                {
                    _table.Add(name, value);
                }

                fieldSeen = true;
            }
        }

        error = null;
        return true;
    }

    private bool TryGetEntry(int index, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        if (index >= 1 && index <= HpackStaticTable.Count)
        {
            var (n, v) = HpackStaticTable.Get(index);
            name = n;
            value = v;
            return true;
        }

        var dynamicIndex = index - HpackStaticTable.Count;
        if (dynamicIndex >= 1 && dynamicIndex <= _table.Count)
        {
            _table.Get(dynamicIndex, out name, out value);
            return true;
        }

        name = value = default;
        return false;
    }

    private static bool TryReadString(ReadOnlySpan<byte> block, scoped ref int at, ref byte[] scratch, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (at >= block.Length)
        {
            return false;
        }

        var huffman = (block[at] & 0x80) != 0;
        if (!HpackInteger.TryRead(block, ref at, 7, out var length) || length > block.Length - at)
        {
            return false;
        }

        var raw = block.Slice(at, length);
        at += length;
        if (!huffman)
        {
            text = raw;
            return true;
        }

        var decoded = HpackHuffman.Decode(raw, ref scratch);
        if (decoded < 0)
        {
            return false;
        }

        text = scratch.AsSpan(0, decoded);
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
