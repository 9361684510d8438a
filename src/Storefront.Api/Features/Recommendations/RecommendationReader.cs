using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Recommendations;

/// <summary>
/// Reads recommendations from the orders themselves. Only live orders count (awaiting payment, authorised or paid);
/// cancelled and expired ones bought nothing.
/// </summary>
internal static class RecommendationReader
{
    private static readonly string[] LiveStatuses = [OrderStatus.PendingPayment, OrderStatus.ProcessingPayment, OrderStatus.Authorized, OrderStatus.Paid];

    public static async Task<RecommendationsResponse?> ReadAsync(
        StorefrontDbContext db, Guid productId, int limit, ViewerPresence presence, DateTime now, int maxAgeSeconds, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().Where(p => p.Id == productId)
            .Select(p => new { p.CategoryId, p.PriceCents }).FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        var liveItems =
            from item in db.Set<OrderItem>()
            join order in db.Set<Order>() on item.OrderId equals order.Id
            where LiveStatuses.Contains(order.Status)
            select new { item.OrderId, item.ProductId, item.Quantity, order.CreatedAt };

        var ordersWithIt = liveItems.Where(i => i.ProductId == productId).Select(i => i.OrderId);
        var together = await liveItems
            .Where(i => i.ProductId != productId && ordersWithIt.Contains(i.OrderId))
            .GroupBy(i => i.ProductId)
            .Select(g => new { ProductId = g.Key, Orders = g.Count() })
            .OrderByDescending(g => g.Orders).ThenBy(g => g.ProductId)
            .Take(limit).ToListAsync(cancellationToken);

        var since = now.AddHours(-24);
        var trending = await liveItems
            .Where(i => i.CreatedAt >= since && i.ProductId != productId)
            .GroupBy(i => i.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(i => i.Quantity) })
            .OrderByDescending(g => g.Units).ThenBy(g => g.ProductId)
            .Take(limit).ToListAsync(cancellationToken);

        var similar = await db.Set<Product>().AsNoTracking()
            .Where(p => p.CategoryId == product.CategoryId && p.Id != productId)
            .OrderBy(p => Math.Abs(p.PriceCents - product.PriceCents)).ThenBy(p => p.Id)
            .Select(p => p.Id).Take(limit).ToListAsync(cancellationToken);

        var ids = together.Select(t => t.ProductId).Concat(trending.Select(t => t.ProductId)).Concat(similar).Distinct().ToList();
        var products = await db.Set<Product>().AsNoTracking().Include(p => p.Category)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ProductResponse.From, cancellationToken);
        var sold = await liveItems
            .Where(i => i.CreatedAt >= since && ids.Contains(i.ProductId))
            .GroupBy(i => i.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(i => i.Quantity) })
            .ToDictionaryAsync(g => g.ProductId, g => g.Units, cancellationToken);

        // Archived products (filtered out of the catalog) are not recommended.
        RecommendedProduct? Item(Guid id, int? together) => products.TryGetValue(id, out var p)
            ? new RecommendedProduct(p, sold.GetValueOrDefault(id), presence.ViewingNow(id), together)
            : null;

        return new RecommendationsResponse(
            productId,
            [.. together.Select(t => Item(t.ProductId, t.Orders)).OfType<RecommendedProduct>()],
            [.. trending.Select(t => Item(t.ProductId, null)).OfType<RecommendedProduct>()],
            [.. similar.Select(id => Item(id, null)).OfType<RecommendedProduct>()],
            now,
            maxAgeSeconds);
    }
}
