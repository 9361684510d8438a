namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>
/// The dynamic table (RFC 7541 section 2.3.2): newest entry first, each entry's size its name
/// and value plus 32, evicted oldest first to stay under the maximum. Entries live in a ring of
/// slots, each with its own byte array reused for later entries, so a steady stream of headers
/// (a server re-indexing its date every second) allocates nothing once the slots have grown.
/// </summary>
internal sealed class HpackDynamicTable(int maxSize)
{
    private const int EntryOverhead = 32;

    private Slot[] _slots = new Slot[16];
    private int _newest = -1; // slot of entry 1
    private int _count;

    private struct Slot
    {
        public byte[] Bytes;
        public int NameLength;
        public int ValueLength;
    }

    public int Count => _count;

    public int Size { get; private set; }

    public int MaxSize { get; private set; } = maxSize;

    /// <summary>Entry <paramref name="index"/> (1 = newest).</summary>
    public void Get(int index, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        ref var slot = ref _slots[SlotOf(index)];
        name = slot.Bytes.AsSpan(0, slot.NameLength);
        value = slot.Bytes.AsSpan(slot.NameLength, slot.ValueLength);
    }

    /// <summary>Index (1 = newest) of an entry with this name and value, or else with this name (nameOnly), or 0.</summary>
    public int Find(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, out bool nameOnly)
    {
        var nameIndex = 0;
        for (var i = 1; i <= _count; i++)
        {
            Get(i, out var n, out var v);
            if (!n.SequenceEqual(name))
            {
                continue;
            }

            if (v.SequenceEqual(value))
            {
                nameOnly = false;
                return i;
            }

            nameIndex = nameIndex == 0 ? i : nameIndex;
        }

        nameOnly = nameIndex != 0;
        return nameIndex;
    }

    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var size = name.Length + value.Length + EntryOverhead;
        EvictUntil(MaxSize - size);
        if (size > MaxSize)
        {
            return; // larger than the whole table: the table ends up empty (section 4.4)
        }

        if (_count == _slots.Length)
        {
            Grow();
        }

        _newest = (_newest + 1) % _slots.Length;
        ref var slot = ref _slots[_newest];
        if (slot.Bytes is null || slot.Bytes.Length < name.Length + value.Length)
        {
            slot.Bytes = new byte[Math.Max(64, name.Length + value.Length)];
        }

        name.CopyTo(slot.Bytes);
        value.CopyTo(slot.Bytes.AsSpan(name.Length));
        slot.NameLength = name.Length;
        slot.ValueLength = value.Length;
        _count++;
        Size += size;
    }

    /// <summary>A dynamic table size update (section 6.3), or the peer's SETTINGS_HEADER_TABLE_SIZE for an encoder.</summary>
    public void Resize(int maxSize)
    {
        MaxSize = maxSize;
        EvictUntil(maxSize);
    }

    private void EvictUntil(int size)
    {
        while (_count > 0 && Size > size)
        {
            ref var oldest = ref _slots[SlotOf(_count)];
            Size -= oldest.NameLength + oldest.ValueLength + EntryOverhead;
            _count--;
        }
    }

    private int SlotOf(int index) => ((_newest - index + 1) % _slots.Length + _slots.Length) % _slots.Length;

    private void Grow()
    {
        var larger = new Slot[_slots.Length * 2];
        for (var i = 1; i <= _count; i++)
        {
            // Oldest at the lowest slot, newest at _count - 1.
            larger[_count - i] = _slots[SlotOf(i)];
        }

        _slots = larger;
        _newest = _count - 1;
    }
}
