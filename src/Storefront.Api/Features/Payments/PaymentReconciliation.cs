using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// Settles payments interrupted while the provider was being asked (a crash, a provider timeout): at start-up and
/// every <see cref="PaymentsOptions.ReconcileInterval"/>, each payment <c>processing</c> for longer than
/// <see cref="PaymentsOptions.ReconcileAfter"/> is looked up at the provider by its reference. Approved: recorded
/// as captured (or authorized) and its order paid, its stock sold. Declined, or unknown to the provider (the charge
/// never got there, or never completed): recorded as declined or failed, and its order released to pending_payment,
/// where the shopper may pay again with a new key or cancel, and where unpaid orders expire and give their stock back.
/// So no order stays in processing_payment longer than ReconcileAfter + ReconcileInterval after a restart.
/// </summary>
public sealed partial class PaymentReconciliation(
    IServiceScopeFactory scopes, IPaymentProvider provider, TimeProvider time, IOptions<PaymentsOptions> options, ILogger<PaymentReconciliation> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        try
        {
            do
            {
                try
                {
                    await ReconcileAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The database or the provider is unreachable right now: the next tick tries again.
                    LogFailed(logger, error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Reconciles every payment interrupted long enough ago; returns how many were settled or released.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var reconciled = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        var outcomes = scope.ServiceProvider.GetRequiredService<PaymentOutcomes>();
        var startedBefore = time.UtcNowForStorage() - options.Value.ReconcileAfter;
        var stuck = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Processing && p.CreatedAt <= startedBefore)
            .OrderBy(p => p.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var payment in stuck)
        {
            var charge = await provider.GetChargeAsync(payment.Id, cancellationToken);
            var recorded = charge switch
            {
                { Approved: true } when payment.Capture =>
                    await outcomes.RecordAsync(payment, PaymentStatus.Captured, null, charge.ProviderReference, OrderStatus.Paid),
                { Approved: true } =>
                    await outcomes.RecordAsync(payment, PaymentStatus.Authorized, null, charge.ProviderReference, OrderStatus.Authorized),
                { Known: true } =>
                    await outcomes.RecordAsync(payment, PaymentStatus.Declined, charge.DeclineCode ?? "card_declined", null, OrderStatus.PendingPayment),
                _ => await outcomes.RecordAsync(payment, PaymentStatus.Failed, "interrupted", null, OrderStatus.PendingPayment),
            };
            if (recorded)
            {
                reconciled++;
                LogReconciled(logger, payment.Id, payment.OrderId, payment.Status);
            }
        }

        return reconciled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment reconciliation failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciled interrupted payment {PaymentId} of order {OrderId}: {Status}")]
    private static partial void LogReconciled(ILogger logger, Guid paymentId, Guid orderId, string status);
}
