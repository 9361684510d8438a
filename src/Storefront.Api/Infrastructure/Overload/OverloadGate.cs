using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.Overload;

/// <summary>
/// The one <see cref="ConcurrencyLimiter"/> behind <see cref="OverloadProtectionMiddleware"/>: a singleton,
/// so every request of the app shares it and the container disposes it.
/// </summary>
public sealed class OverloadGate : IDisposable
{
    private readonly ConcurrencyLimiter? _limiter;
    private readonly TimeSpan _queueTimeout;
    private long _rejected;

    public OverloadGate(IOptions<OverloadOptions> options)
    {
        var settings = options.Value;
        _queueTimeout = settings.QueueTimeout;
        if (settings.Enabled)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.MaxConcurrentRequests),
                QueueLimit = Math.Max(0, settings.QueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }
    }

    public bool Enabled => _limiter is not null;

    /// <summary>Requests refused since start.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>A granted lease, or null when the queue is full, the wait ran out, or the client left.</summary>
    public async Task<RateLimitLease?> TryEnterAsync(CancellationToken requestAborted)
    {
        if (_limiter is null)
        {
            throw new InvalidOperationException("The overload gate is disabled.");
        }

        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
            wait.CancelAfter(_queueTimeout);
            try
            {
                lease = await _limiter.AcquireAsync(1, wait.Token);
            }
            catch (OperationCanceledException)
            {
                return Refused();
            }
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return Refused();
    }

    public void Dispose() => _limiter?.Dispose();

    private RateLimitLease? Refused()
    {
        Interlocked.Increment(ref _rejected);
        return null;
    }
}
