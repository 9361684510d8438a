using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Payments;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Orders;

/// <summary>
/// Ends an order that was never paid (cancel, expiry) and gives its reserved stock back.
/// The status change is a conditional UPDATE from the expected status, so a payment, a cancel
/// and the expiry sweeper racing for one order cannot both win and release stock twice.
/// </summary>
public sealed class OrderReleaser(StorefrontDbContext db, StockLedger ledger, TimeProvider time)
{
    /// <summary>Statuses a shopper may cancel from: the stock is still only reserved.</summary>
    public static readonly string[] Cancellable = [OrderStatus.PendingPayment, OrderStatus.Authorized];

    /// <summary>
    /// Moves the order from <paramref name="from"/> to <paramref name="to"/> and releases its
    /// stock; false when the order was not in that status (or, with <paramref name="dueBy"/>, not yet due).
    /// </summary>
    public async Task<bool> TryReleaseAsync(Guid orderId, string from, string to, DateTime? dueBy, CancellationToken cancellationToken)
    {
        var lines = await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.UtcNowForStorage();
            var orders = db.Set<Order>().Where(o => o.Id == orderId && o.Status == from);
            if (dueBy is { } due)
            {
                orders = orders.Where(o => o.ExpiresAt <= due);
            }

            var moved = await orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to).SetProperty(o => o.UpdatedAt, now), ct);
            if (moved == 0)
            {
                return null;
            }

            if (from == OrderStatus.Authorized)
            {
                // The authorization is simply not captured; the simulated provider needs no call to drop it.
                await db.Set<Payment>()
                    .Where(p => p.OrderId == orderId && p.Status == PaymentStatus.Authorized)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Voided).SetProperty(p => p.UpdatedAt, now), ct);
            }

            var items = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == orderId)
                .Select(i => new StockLine(i.ProductId, i.Quantity)).ToListAsync(ct);
            await ledger.ReleaseAsync(items, ct);
            await transaction.CommitAsync(ct);
            return items;
        }, cancellationToken);

        if (lines is null)
        {
            return false;
        }

        await ledger.PublishAsync(lines.Select(l => l.ProductId), cancellationToken);
        return true;
    }
}
