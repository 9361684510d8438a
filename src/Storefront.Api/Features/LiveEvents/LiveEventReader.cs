using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>Reads events' whole state (featured products with live price and stock, pin, reactions) in three queries.</summary>
public static class LiveEventReader
{
    public static async Task<LiveEventState?> ReadAsync(StorefrontDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync(db, [id], cancellationToken)).GetValueOrDefault(id);

    public static async Task<Dictionary<Guid, LiveEventState>> ReadAsync(
        StorefrontDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var events = await db.Set<LiveEvent>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return [];
        }

        var found = events.Select(e => e.Id).ToList();
        // Archived products stay on an event that featured them: the query filter is ignored.
        var products = await (
            from featured in db.Set<LiveEventProduct>().AsNoTracking()
            join product in db.Set<Product>().IgnoreQueryFilters().AsNoTracking() on featured.ProductId equals product.Id
            join stock in db.Set<StockItem>().AsNoTracking() on featured.ProductId equals stock.ProductId
            where found.Contains(featured.EventId)
            orderby featured.Position
            select new
            {
                featured.EventId,
                State = new LiveProductState(
                    product.Id, product.Name, product.PriceCents, featured.StartPriceCents, product.Currency, product.Version,
                    stock.Available, stock.Version, stock.ChangedAt),
            }).ToListAsync(cancellationToken);
        var reactions = await db.Set<LiveEventReactionTotal>().AsNoTracking()
            .Where(r => found.Contains(r.EventId)).ToListAsync(cancellationToken);

        return events.ToDictionary(e => e.Id, e => new LiveEventState(
            e.Id, e.Title, e.HostId, e.Status, e.PinnedProductId, e.StartedAt, e.EndedAt, e.Version,
            products.Where(p => p.EventId == e.Id).Select(p => p.State).ToList(),
            ReactionCounts.From(reactions.Where(r => r.EventId == e.Id).ToDictionary(r => r.Kind, r => r.Count))));
    }
}
