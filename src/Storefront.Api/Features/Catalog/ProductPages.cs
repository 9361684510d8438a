using Microsoft.EntityFrameworkCore;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Catalog;

/// <summary>Reads one page of <c>GET /products</c> from the database (what <see cref="CatalogCache"/> keeps).</summary>
internal static class ProductPages
{
    public static async Task<ProductPage> ReadAsync(StorefrontDbContext db, ProductQuery query, CancellationToken cancellationToken)
    {
        var products = db.Set<Product>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLowerInvariant();
            // ToLower + Contains is what EF translates to a case-insensitive match on both SQLite and PostgreSQL.
#pragma warning disable CA1862
            products = products.Where(p => p.Name.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            products = int.TryParse(category, System.Globalization.CultureInfo.InvariantCulture, out var categoryId)
                ? products.Where(p => p.CategoryId == categoryId)
                : products.Where(p => p.Category!.Slug == category);
        }

        if (query.MinPrice is { } min)
        {
            var minCents = Money.ToCents(min)!.Value;
            products = products.Where(p => p.PriceCents >= minCents);
        }

        if (query.MaxPrice is { } max)
        {
            var maxCents = Money.ToCents(max)!.Value;
            products = products.Where(p => p.PriceCents <= maxCents);
        }

        // The id tie-breaker keeps pages stable when many products share a price or name.
        products = query.Sort switch
        {
            "price" => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
            "-price" => products.OrderByDescending(p => p.PriceCents).ThenBy(p => p.Id),
            "-name" => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            "createdAt" => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            "-createdAt" => products.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            _ => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };

        var page = query.PageOrDefault;
        var pageSize = query.PageSizeOrDefault;
        var total = await products.CountAsync(cancellationToken);
        // A projection: no entity materialisation or Include join beyond the one column it needs.
        var items = await products
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new ProductResponse(
                p.Id, p.Name, p.Description, p.CategoryId, p.Category!.Slug,
                Money.FromCents(p.PriceCents), p.Currency, p.CreatedAt, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new ProductPage(items, total, page, pageSize, (total + pageSize - 1) / pageSize);
    }
}
