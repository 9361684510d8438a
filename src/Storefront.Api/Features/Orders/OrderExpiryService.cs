using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Orders;

/// <summary>
/// Expires orders that were not paid within <see cref="OrdersOptions.PaymentTimeout"/> and
/// releases their stock, sweeping every <see cref="OrdersOptions.ExpirySweepInterval"/>.
/// </summary>
internal sealed partial class OrderExpiryService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<OrdersOptions> options, ILogger<OrderExpiryService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A failed sweep (e.g. the database is not created yet) is retried on the next tick.
                    LogSweepFailed(logger, error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Expires every due order; returns how many were expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
            var releaser = scope.ServiceProvider.GetRequiredService<OrderReleaser>();
            var now = time.UtcNowForStorage();
            var due = await db.Set<Order>().AsNoTracking()
                .Where(o => o.Status == OrderStatus.PendingPayment && o.ExpiresAt <= now)
                .OrderBy(o => o.ExpiresAt)
                .Select(o => o.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var orderId in due)
            {
                if (await releaser.TryReleaseAsync(orderId, OrderStatus.PendingPayment, OrderStatus.Expired, now, cancellationToken))
                {
                    expired++;
                }
            }

            if (due.Count < BatchSize)
            {
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }

                return expired;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order expiry sweep failed; retrying on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} unpaid orders and released their stock")]
    private static partial void LogExpired(ILogger logger, int count);
}
