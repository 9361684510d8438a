using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// Admission to the password-hashing endpoints: at most <see cref="PasswordHashingOptions.EffectiveMaxConcurrent"/>
/// hashing plus <see cref="PasswordHashingOptions.QueueLimit"/> waiting for a hashing thread. A request is admitted or
/// refused the moment it arrives; it never waits to learn which. Hashing is pure CPU: more at once than there are
/// cores only makes every login, and every other request sharing those cores, slower.
/// </summary>
public sealed class PasswordHashingGate(IOptions<PasswordHashingOptions> options)
{
    private readonly int _capacity = options.Value.EffectiveMaxConcurrent + Math.Max(0, options.Value.QueueLimit);
    private int _admitted;
    private long _rejected;

    /// <summary>Requests refused since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>A slot to dispose when the request is done with hashing, or null (refuse it) when the gate is full.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            Interlocked.Increment(ref _rejected);
            return null;
        }

        return new Slot(this);
    }

    private sealed class Slot(PasswordHashingGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref gate._admitted);
            }
        }
    }
}
