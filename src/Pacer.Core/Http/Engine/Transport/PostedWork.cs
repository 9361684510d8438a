namespace Pacer.Core.Http.Engine.Transport;

/// <summary>
/// Work other threads hand to one event loop: a ring buffer under a lock, taken whole by the loop.
/// Not ConcurrentQueue, which allocates a new segment as it fills; this one grows only when more
/// items wait at once than ever before (in the open model, at most one per VU), then stays put.
/// </summary>
internal sealed class PostedWork
{
    private readonly Lock _lock = new();
    private IThreadPoolWorkItem?[] _items = new IThreadPoolWorkItem?[64];
    private int _head;
    private int _count;

    /// <summary>A racy peek, for the loop to decide whether it may sleep (it checks again after announcing it will).</summary>
    public bool IsEmpty => Volatile.Read(ref _count) == 0;

    public void Add(IThreadPoolWorkItem item)
    {
        lock (_lock)
        {
            if (_count == _items.Length)
            {
                var larger = new IThreadPoolWorkItem?[_items.Length * 2];
                for (var i = 0; i < _count; i++)
                {
                    larger[i] = _items[(_head + i) % _items.Length];
                }

                _items = larger;
                _head = 0;
            }

            _items[(_head + _count) % _items.Length] = item;
            Volatile.Write(ref _count, _count + 1);
        }
    }

    /// <summary>Moves every waiting item into <paramref name="batch"/> (grown when needed) and returns how many.</summary>
    public int TakeAll(ref IThreadPoolWorkItem?[] batch)
    {
        lock (_lock)
        {
            if (batch.Length < _count)
            {
                batch = new IThreadPoolWorkItem?[_items.Length];
            }

            var taken = _count;
            for (var i = 0; i < taken; i++)
            {
                var slot = (_head + i) % _items.Length;
                batch[i] = _items[slot];
                _items[slot] = null;
            }

            _head = (_head + taken) % _items.Length;
            Volatile.Write(ref _count, 0);
            return taken;
        }
    }
}
