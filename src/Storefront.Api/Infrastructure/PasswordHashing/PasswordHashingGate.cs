using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// At most <see cref="PasswordHashingOptions.EffectiveMaxConcurrent"/> requests hash at once; up to
/// <see cref="PasswordHashingOptions.QueueLimit"/> more wait asynchronously (no thread blocked) and the
/// rest are refused. Hashing is pure CPU: more at once than there are cores only makes every login,
/// and every other request sharing those cores, slower.
/// </summary>
public sealed class PasswordHashingGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _queueLimit;
    private int _waiting;
    private long _rejected;

    public PasswordHashingGate(IOptions<PasswordHashingOptions> options)
    {
        var settings = options.Value;
        _slots = new SemaphoreSlim(settings.EffectiveMaxConcurrent, settings.EffectiveMaxConcurrent);
        _queueLimit = Math.Max(0, settings.QueueLimit);
    }

    /// <summary>Requests refused since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>A slot to dispose when the hashing is done, or null when the queue is full.</summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Increment(ref _waiting) > _queueLimit)
            {
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _rejected);
                return null;
            }

            try
            {
                await _slots.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
