using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Payments;

public enum PaymentOutcome
{
    Succeeded,
    Replayed,
    Declined,
    ProviderFailed,
    InProgress,
    KeyReusedWithDifferentRequest,
    OrderNotFound,
    OrderNotPayable,
}

public sealed record PaymentAttempt(PaymentOutcome Outcome, Payment? Payment = null, string? OrderStatus = null);

/// <summary>
/// Pays an order at most once per idempotency key:
/// 1. requests sharing a key are serialized in-process, and a stored payment for the key is replayed;
/// 2. claiming is one transaction: the order moves pending_payment → processing_payment (so a
///    second key, a cancel or the expiry sweeper cannot touch it) and a payment row takes the key
///    (the unique index stops other processes);
/// 3. only then is the provider called, once, and the outcome is recorded: paid orders turn their
///    reserved stock into sold stock, declined or failed ones go back to pending_payment.
/// </summary>
public sealed class PaymentProcessor(
    StorefrontDbContext db,
    IPaymentProvider provider,
    PaymentOutcomes outcomes,
    KeyedLock locks,
    TimeProvider time,
    IOptions<PaymentsOptions> options)
{
    public async Task<PaymentAttempt> PayAsync(
        Guid userId, Guid orderId, string idempotencyKey, CreatePaymentRequest request, ValidCard card, CancellationToken cancellationToken)
    {
        // The fingerprint leaves out the card number and CVC: a hash of a card number is guessable.
        var hash = RequestFingerprint.Of(new { orderId, request.Method, card.Brand, card.Last4, card.ExpMonth, card.ExpYear, request.Capture });
        using var held = await locks.AcquireAsync($"{userId:N}:{idempotencyKey}", cancellationToken);

        if (await FindReplayAsync(userId, idempotencyKey, hash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var order = await db.Set<Order>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, cancellationToken);
        if (order is null)
        {
            return new(PaymentOutcome.OrderNotFound);
        }

        var now = time.UtcNowForStorage();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            UserId = userId,
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            Status = PaymentStatus.Processing,
            AmountCents = order.TotalCents,
            Currency = order.Currency,
            CardBrand = card.Brand,
            CardLast4 = card.Last4,
            Capture = request.Capture ?? true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var claim = await ClaimAsync(payment, cancellationToken);
        if (claim == Claim.OrderNotPayable)
        {
            var status = await db.Set<Order>().Where(o => o.Id == orderId).Select(o => o.Status).FirstAsync(cancellationToken);
            return new(PaymentOutcome.OrderNotPayable, OrderStatus: status);
        }

        if (claim == Claim.KeyTaken)
        {
            return await FindReplayAsync(userId, idempotencyKey, hash, cancellationToken)
                ?? throw new InvalidOperationException("The idempotency key was taken, but its payment cannot be found.");
        }

        // From here the outcome must be recorded even if the shopper hangs up, or the order would stay locked.
        ChargeResult result;
        using var deadline = new CancellationTokenSource(options.Value.ProviderTimeout, time);
        try
        {
            result = await provider.ChargeAsync(
                new ProviderCharge(payment.Id, payment.OrderId, payment.AmountCents, payment.Currency, card, payment.Capture), deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The outcome at the provider is unknown: reconciliation asks it later and settles or releases the order.
            return new(PaymentOutcome.InProgress, payment);
        }
        catch (Exception)
        {
            await outcomes.RecordAsync(payment, PaymentStatus.Failed, "provider_error", null, Orders.OrderStatus.PendingPayment);
            return new(PaymentOutcome.ProviderFailed, payment);
        }

        if (!result.Approved)
        {
            await outcomes.RecordAsync(payment, PaymentStatus.Declined, result.DeclineCode ?? "card_declined", null, Orders.OrderStatus.PendingPayment);
            return new(PaymentOutcome.Declined, payment);
        }

        var (paymentStatus, orderStatus) = payment.Capture
            ? (PaymentStatus.Captured, Orders.OrderStatus.Paid)
            : (PaymentStatus.Authorized, Orders.OrderStatus.Authorized);
        await outcomes.RecordAsync(payment, paymentStatus, null, result.ProviderReference, orderStatus);
        return new(PaymentOutcome.Succeeded, payment);
    }

    private enum Claim
    {
        Claimed,
        OrderNotPayable,
        KeyTaken,
    }

    private Task<Claim> ClaimAsync(Payment payment, CancellationToken cancellationToken) =>
        db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<Order>()
                .Where(o => o.Id == payment.OrderId && o.Status == Orders.OrderStatus.PendingPayment)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, Orders.OrderStatus.ProcessingPayment), ct);
            if (claimed == 0)
            {
                return Claim.OrderNotPayable;
            }

            db.Add(payment);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Claim.Claimed;
            }
            catch (DbUpdateException error) when (TransientDatabaseErrors.IsUniqueViolation(error))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return Claim.KeyTaken;
            }
        }, cancellationToken);

    private async Task<PaymentAttempt?> FindReplayAsync(Guid userId, string idempotencyKey, string hash, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Payment>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.UserId == userId && p.IdempotencyKey == idempotencyKey, cancellationToken);
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != hash => new(PaymentOutcome.KeyReusedWithDifferentRequest, existing),
            { Status: PaymentStatus.Processing } => new(PaymentOutcome.InProgress, existing),
            { Status: PaymentStatus.Declined } => new(PaymentOutcome.Declined, existing),
            { Status: PaymentStatus.Failed } => new(PaymentOutcome.ProviderFailed, existing),
            _ => new(PaymentOutcome.Replayed, existing),
        };
    }
}
