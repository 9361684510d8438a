namespace Pacer.Load.Runtime;

/// <summary>
/// The virtual users of one flow, made on first use by id and kept for the whole run, warm-up
/// included: a VU's keep-alive connections and cookies carry over from the warm-up into the
/// measured load, so the measured load does not start by opening every connection again.
/// </summary>
internal sealed class VirtualUsers(int expected, Func<int, VirtualUser> create) : IDisposable
{
    private readonly Lock _growLock = new();
    private VirtualUser?[] _users = new VirtualUser?[Math.Max(1, expected)];

    public VirtualUser For(int id)
    {
        var users = Volatile.Read(ref _users);
        if (id < users.Length && users[id] is { } existing)
        {
            return existing;
        }

        lock (_growLock)
        {
            if (id >= _users.Length)
            {
                var grown = _users;
                Array.Resize(ref grown, Math.Max(id + 1, _users.Length * 2));
                Volatile.Write(ref _users, grown);
            }

            return _users[id] ??= create(id);
        }
    }

    public void Dispose()
    {
        lock (_growLock)
        {
            foreach (var user in _users)
            {
                user?.Dispose();
            }
        }
    }
}
