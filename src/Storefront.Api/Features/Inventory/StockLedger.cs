using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Inventory;

public sealed record StockLine(Guid ProductId, int Quantity);

public sealed record StockShortfall(Guid ProductId, int Requested, int Available);

/// <summary>
/// Moves units between Available, Reserved and Sold with conditional atomic UPDATEs. Callers
/// own the transaction: a reservation of several lines is all-or-nothing only inside one.
/// Lines are processed in product-id order so concurrent multi-line orders lock rows in the
/// same order and cannot deadlock each other on PostgreSQL.
/// </summary>
public sealed class StockLedger(StorefrontDbContext db, InventoryEventFeed events, TimeProvider time)
{
    private IQueryable<StockItem> Stock => db.Set<StockItem>();

    /// <summary>Reserves every line, or reports every line that fell short (the caller rolls back).</summary>
    public async Task<IReadOnlyList<StockShortfall>> TryReserveAsync(IEnumerable<StockLine> lines, CancellationToken cancellationToken)
    {
        var shortLines = new List<StockLine>();
        var now = time.UtcNowForStorage();
        foreach (var line in Ordered(lines))
        {
            var quantity = line.Quantity;
            var updated = await Stock
                .Where(s => s.ProductId == line.ProductId && s.Available >= quantity)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Available, x => x.Available - quantity)
                    .SetProperty(x => x.Reserved, x => x.Reserved + quantity)
                    .SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.ChangedAt, now), cancellationToken);
            if (updated == 0)
            {
                shortLines.Add(line);
            }
        }

        if (shortLines.Count == 0)
        {
            return [];
        }

        var ids = shortLines.Select(l => l.ProductId).ToList();
        var available = await Stock.AsNoTracking().Where(s => ids.Contains(s.ProductId))
            .ToDictionaryAsync(s => s.ProductId, s => s.Available, cancellationToken);
        return shortLines
            .Select(l => new StockShortfall(l.ProductId, l.Quantity, available.GetValueOrDefault(l.ProductId)))
            .ToList();
    }

    /// <summary>Returns reserved units to Available (cancel, expiry).</summary>
    public Task ReleaseAsync(IEnumerable<StockLine> lines, CancellationToken cancellationToken) =>
        MoveReservedAsync(lines, toSold: false, cancellationToken);

    /// <summary>Turns reserved units into sold ones (payment captured).</summary>
    public Task SellAsync(IEnumerable<StockLine> lines, CancellationToken cancellationToken) =>
        MoveReservedAsync(lines, toSold: true, cancellationToken);

    private async Task MoveReservedAsync(IEnumerable<StockLine> lines, bool toSold, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        foreach (var line in Ordered(lines))
        {
            var quantity = line.Quantity;
            var source = Stock.Where(s => s.ProductId == line.ProductId && s.Reserved >= quantity);
            var updated = toSold
                ? await source.ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Reserved, x => x.Reserved - quantity)
                    .SetProperty(x => x.Sold, x => x.Sold + quantity)
                    .SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.ChangedAt, now), cancellationToken)
                : await source.ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Reserved, x => x.Reserved - quantity)
                    .SetProperty(x => x.Available, x => x.Available + quantity)
                    .SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.ChangedAt, now), cancellationToken);
            if (updated == 0)
            {
                // Only reachable if an order's reservation was moved twice: a bug, never a shopper error.
                throw new InvalidOperationException($"Product {line.ProductId} has fewer than {quantity} reserved units.");
            }
        }
    }

    /// <summary>Adds <paramref name="delta"/> to Available; false when that would go below zero (on hand below reserved).</summary>
    public async Task<bool> TryAdjustAsync(Guid productId, int delta, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        return await Stock
            .Where(s => s.ProductId == productId && s.Available + delta >= 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Available, x => x.Available + delta)
                .SetProperty(x => x.Version, x => x.Version + 1)
                .SetProperty(x => x.ChangedAt, now), cancellationToken) == 1;
    }

    /// <summary>Announces the current stock of these products on the live stream (call after commit).</summary>
    public async Task PublishAsync(IEnumerable<Guid> productIds, CancellationToken cancellationToken)
    {
        var ids = productIds.Distinct().ToList();
        var rows = await Stock.AsNoTracking().Where(s => ids.Contains(s.ProductId)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            events.Publish(new StockChanged(row.ProductId, row.Available, row.Reserved, row.Version, row.ChangedAt));
        }
    }

    private static IEnumerable<StockLine> Ordered(IEnumerable<StockLine> lines) =>
        lines.GroupBy(l => l.ProductId)
            .Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.ProductId);
}
