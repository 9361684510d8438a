namespace Storefront.Api.Features.Payments;

/// <summary>
/// One async lock per key, removed when nobody holds or waits for it. Serializes requests that
/// share an idempotency key within this process; the database's unique index covers other processes.
/// </summary>
public sealed class KeyedLock
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (gates)
        {
            var entry = gates.TryGetValue(key, out var found) ? found : (Gate: new SemaphoreSlim(1, 1), Users: 0);
            gates[key] = (entry.Gate, entry.Users + 1);
            gate = entry.Gate;
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key);
            throw;
        }

        return new Releaser(this, key, gate);
    }

    private void Leave(string key)
    {
        lock (gates)
        {
            var entry = gates[key];
            if (entry.Users == 1)
            {
                gates.Remove(key);
                entry.Gate.Dispose();
            }
            else
            {
                gates[key] = (entry.Gate, entry.Users - 1);
            }
        }
    }

    private sealed class Releaser(KeyedLock owner, string key, SemaphoreSlim gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Release();
                owner.Leave(key);
            }
        }
    }
}
