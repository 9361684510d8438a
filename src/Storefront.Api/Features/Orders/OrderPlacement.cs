using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Orders;

public enum PlacementOutcome
{
    Created,
    Replayed,
    KeyReusedWithDifferentRequest,
    OutOfStock,
    Invalid,
}

public sealed record PlacementResult(
    PlacementOutcome Outcome,
    Order? Order = null,
    IReadOnlyList<OrderShortfall>? Shortfalls = null,
    Dictionary<string, string[]>? Errors = null);

/// <summary>
/// Places an order: prices the lines from the catalog, then, in one transaction, reserves every
/// line with a conditional UPDATE and inserts the order. Any shortfall rolls the whole thing back.
/// The unique (user, key) index settles racing duplicates: the loser rolls back its reservation
/// and answers with the winner's order.
/// </summary>
public sealed class OrderPlacement(
    StorefrontDbContext db, StockLedger ledger, TimeProvider time, IOptions<OrdersOptions> options)
{
    public async Task<PlacementResult> PlaceAsync(Guid userId, string idempotencyKey, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var hash = RequestFingerprint.Of(request);
        if (await FindReplayAsync(userId, idempotencyKey, hash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var lines = request.Items!
            .GroupBy(l => l.ProductId)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .ToList();
        var productIds = lines.Select(l => l.ProductId).ToList();
        var products = await db.Set<Product>().AsNoTracking()
            .Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var errors = PricingErrors(request.Items!, products);
        if (errors.Count > 0)
        {
            return new(PlacementOutcome.Invalid, Errors: errors);
        }

        var result = await db.RetryAsync(
            ct => TryReserveAndInsertAsync(userId, idempotencyKey, hash, request, lines, products, ct), cancellationToken);
        if (result.Outcome == PlacementOutcome.Created)
        {
            await ledger.PublishAsync(productIds, cancellationToken);
        }

        return result;
    }

    private async Task<PlacementResult> TryReserveAndInsertAsync(
        Guid userId,
        string idempotencyKey,
        string hash,
        PlaceOrderRequest request,
        IReadOnlyList<StockLine> lines,
        Dictionary<Guid, Product> products,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // The order is inserted first and the stock reserved last, right before the commit: a popular product's
            // stock row is then locked for one statement and the commit, not also for the order's insert (on
            // PostgreSQL every order for it queues on that row lock). A duplicate key fails here, before touching stock.
            var order = NewOrder(userId, idempotencyKey, hash, request, lines, products);
            db.Add(order);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (TransientDatabaseErrors.IsUniqueViolation(error))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return await FindReplayAsync(userId, idempotencyKey, hash, cancellationToken)
                    ?? throw new InvalidOperationException("The idempotency key was taken, but its order cannot be found.");
            }

            var shortfalls = await ledger.TryReserveAsync(lines, cancellationToken);
            if (shortfalls.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new(PlacementOutcome.OutOfStock, Shortfalls: shortfalls
                    .Select(s => new OrderShortfall(s.ProductId, s.Requested, s.Available)).ToList());
            }

            await transaction.CommitAsync(cancellationToken);
            return new(PlacementOutcome.Created, order);
        }
    }

    private async Task<PlacementResult?> FindReplayAsync(Guid userId, string idempotencyKey, string hash, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Order>().AsNoTracking().Include(o => o.Items)
            .FirstOrDefaultAsync(o => o.UserId == userId && o.IdempotencyKey == idempotencyKey, cancellationToken);
        return existing switch
        {
            null => null,
            _ when existing.RequestHash != hash => new(PlacementOutcome.KeyReusedWithDifferentRequest, existing),
            _ => new(PlacementOutcome.Replayed, existing),
        };
    }

    private Order NewOrder(
        Guid userId,
        string idempotencyKey,
        string hash,
        PlaceOrderRequest request,
        IReadOnlyList<StockLine> lines,
        Dictionary<Guid, Product> products)
    {
        var now = time.UtcNowForStorage();
        var address = request.ShippingAddress!;
        var id = Guid.CreateVersion7();
        var items = lines.Select(l => new OrderItem
        {
            OrderId = id,
            ProductId = l.ProductId,
            ProductName = products[l.ProductId].Name,
            UnitPriceCents = products[l.ProductId].PriceCents,
            Quantity = l.Quantity,
        }).ToList();
        return new Order
        {
            Id = id,
            UserId = userId,
            Status = OrderStatus.PendingPayment,
            Currency = products[lines[0].ProductId].Currency,
            TotalCents = items.Sum(i => i.UnitPriceCents * i.Quantity),
            Items = items,
            ShippingAddress = new ShippingAddress
            {
                Name = address.Name!.Trim(),
                Line1 = address.Line1!.Trim(),
                Line2 = string.IsNullOrWhiteSpace(address.Line2) ? null : address.Line2.Trim(),
                City = address.City!.Trim(),
                PostalCode = address.PostalCode!.Trim(),
                Country = address.Country!,
            },
            IdempotencyKey = idempotencyKey,
            RequestHash = hash,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.PaymentTimeout,
        };
    }

    private static Dictionary<string, string[]> PricingErrors(IReadOnlyList<OrderLineRequest> lines, Dictionary<Guid, Product> products)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!products.ContainsKey(lines[i].ProductId))
            {
                errors[$"items[{i}].productId"] = [$"Product {lines[i].ProductId} does not exist."];
            }
        }

        if (errors.Count == 0 && products.Values.Select(p => p.Currency).Distinct().Count() > 1)
        {
            errors["items"] = ["All products in one order must be priced in the same currency."];
        }

        return errors;
    }
}
