using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Payments;

public enum SettlementOutcome
{
    Done,
    NotFound,
    WrongStatus,
    ExceedsRefundable,
    ProviderFailed,
}

public sealed record SettlementResult(SettlementOutcome Outcome, Payment? Payment = null, PaymentRefund? Refund = null);

/// <summary>
/// What happens to a payment after the charge: capturing an authorization and refunding.
/// Refunds give money back only; they do not return stock, because refunded goods may never come
/// back (admins restock returns with an inventory adjustment).
/// </summary>
public sealed class PaymentSettlement(StorefrontDbContext db, IPaymentProvider provider, StockLedger ledger, TimeProvider time)
{
    private static readonly string[] Refundable = [PaymentStatus.Captured, PaymentStatus.PartiallyRefunded];

    public async Task<SettlementResult> CaptureAsync(Guid userId, Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await FindOwnAsync(userId, paymentId, cancellationToken);
        if (payment is null)
        {
            return new(SettlementOutcome.NotFound);
        }

        if (payment.Status != PaymentStatus.Authorized)
        {
            return new(SettlementOutcome.WrongStatus, payment);
        }

        try
        {
            await provider.CaptureAsync(payment.ProviderReference!, payment.AmountCents, cancellationToken);
        }
        catch (PaymentProviderException)
        {
            return new(SettlementOutcome.ProviderFailed, payment);
        }

        var now = time.UtcNowForStorage();
        var captured = await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var moved = await db.Set<Payment>().Where(p => p.Id == paymentId && p.Status == PaymentStatus.Authorized)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Captured).SetProperty(p => p.UpdatedAt, now), ct);
            var paid = await db.Set<Order>().Where(o => o.Id == payment.OrderId && o.Status == OrderStatus.Authorized)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Paid).SetProperty(o => o.UpdatedAt, now), ct);
            if (moved == 0 || paid == 0)
            {
                // The order was cancelled (authorization voided) in the meantime.
                return false;
            }

            var lines = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == payment.OrderId)
                .Select(i => new StockLine(i.ProductId, i.Quantity)).ToListAsync(ct);
            await ledger.SellAsync(lines, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        db.ChangeTracker.Clear();
        payment = await FindOwnAsync(userId, paymentId, cancellationToken);
        return new(captured ? SettlementOutcome.Done : SettlementOutcome.WrongStatus, payment);
    }

    public async Task<SettlementResult> RefundAsync(Guid userId, Guid paymentId, long? requestedCents, CancellationToken cancellationToken)
    {
        var payment = await FindOwnAsync(userId, paymentId, cancellationToken);
        if (payment is null)
        {
            return new(SettlementOutcome.NotFound);
        }

        if (!Refundable.Contains(payment.Status))
        {
            return new(SettlementOutcome.WrongStatus, payment);
        }

        var cents = requestedCents ?? (payment.AmountCents - payment.RefundedCents);
        var refund = new PaymentRefund { Id = Guid.CreateVersion7(), PaymentId = paymentId, AmountCents = cents, CreatedAt = time.UtcNowForStorage() };

        // Booked first with a conditional UPDATE, so concurrent refunds can never exceed the capture.
        var booked = await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var updated = await db.Set<Payment>()
                .Where(p => p.Id == paymentId && Refundable.Contains(p.Status) && p.RefundedCents + cents <= p.AmountCents)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.RefundedCents, p => p.RefundedCents + cents)
                    .SetProperty(p => p.Status, p => p.RefundedCents + cents == p.AmountCents ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded)
                    .SetProperty(p => p.UpdatedAt, refund.CreatedAt), ct);
            if (updated == 0)
            {
                return false;
            }

            db.Add(refund);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

        if (!booked)
        {
            db.ChangeTracker.Clear();
            payment = await FindOwnAsync(userId, paymentId, cancellationToken);
            return new(Refundable.Contains(payment!.Status) ? SettlementOutcome.ExceedsRefundable : SettlementOutcome.WrongStatus, payment);
        }

        try
        {
            await provider.RefundAsync(payment.ProviderReference!, cents, CancellationToken.None);
        }
        catch (PaymentProviderException)
        {
            await UnbookAsync(refund);
            return new(SettlementOutcome.ProviderFailed, payment);
        }

        db.ChangeTracker.Clear();
        return new(SettlementOutcome.Done, await FindOwnAsync(userId, paymentId, cancellationToken), refund);
    }

    private Task<bool> UnbookAsync(PaymentRefund refund) =>
        db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Set<Payment>().Where(p => p.Id == refund.PaymentId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.RefundedCents, p => p.RefundedCents - refund.AmountCents)
                .SetProperty(p => p.Status, p => p.RefundedCents - refund.AmountCents == 0 ? PaymentStatus.Captured : PaymentStatus.PartiallyRefunded), ct);
            await db.Set<PaymentRefund>().Where(r => r.Id == refund.Id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, CancellationToken.None);

    internal Task<Payment?> FindOwnAsync(Guid userId, Guid paymentId, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.UserId == userId, cancellationToken);
}
