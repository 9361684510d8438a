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
    private readonly int _queueLimit;
    private long _rejected;

    private readonly SchedulingDelayProbe _delay;
    private readonly TimeSpan _maxQueueDelay;

    public OverloadGate(IOptions<OverloadOptions> options, SchedulingDelayProbe delay)
    {
        var settings = options.Value;
        _delay = delay;
        _maxQueueDelay = settings.MaxQueueDelay;
        _queueTimeout = settings.QueueTimeout;
        if (settings.Enabled)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.MaxConcurrentRequests),
                QueueLimit = _queueLimit = Math.Max(0, settings.QueueLimit),
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

        if (_maxQueueDelay > TimeSpan.Zero && _delay.Delay > _maxQueueDelay)
        {
            // Work is already waiting for threads: admitting more only lengthens everyone's wait.
            return Refused();
        }

        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired && _queueLimit > 0)
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
