using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// Records what the provider decided for a payment still <c>processing</c>, and moves its order on: paid orders
/// turn their reserved stock into sold stock; declined, failed or never-charged ones go back to pending_payment.
/// Conditional on the payment still being <c>processing</c>, so the request that called the provider and the
/// reconciliation that asked it later cannot both record an outcome.
/// </summary>
public sealed class PaymentOutcomes(StorefrontDbContext db, StockLedger ledger, TimeProvider time)
{
    /// <summary>True when this call recorded the outcome; false when the payment was no longer processing.</summary>
    public async Task<bool> RecordAsync(Payment payment, string status, string? failureCode, string? providerReference, string orderStatus)
    {
        var now = time.UtcNowForStorage();
        var sold = await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var recorded = await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Processing).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, status)
                .SetProperty(p => p.FailureCode, failureCode)
                .SetProperty(p => p.ProviderReference, providerReference)
                .SetProperty(p => p.UpdatedAt, now), ct);
            if (recorded == 0)
            {
                return null;
            }

            await db.Set<Order>()
                .Where(o => o.Id == payment.OrderId && o.Status == OrderStatus.ProcessingPayment)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, orderStatus).SetProperty(o => o.UpdatedAt, now), ct);
            List<StockLine> lines = [];
            if (orderStatus == OrderStatus.Paid)
            {
                lines = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == payment.OrderId)
                    .Select(i => new StockLine(i.ProductId, i.Quantity)).ToListAsync(ct);
                await ledger.SellAsync(lines, ct);
            }

            await transaction.CommitAsync(ct);
            return lines;
        }, CancellationToken.None);

        if (sold is null)
        {
            return false;
        }

        payment.Status = status;
        payment.FailureCode = failureCode;
        payment.ProviderReference = providerReference;
        payment.UpdatedAt = now;
        if (sold.Count > 0)
        {
            await ledger.PublishAsync(sold.Select(l => l.ProductId), CancellationToken.None);
        }

        return true;
    }
}
