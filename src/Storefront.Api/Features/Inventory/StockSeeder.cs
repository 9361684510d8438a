using Bogus;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Inventory;

/// <summary>Gives every seeded product a deterministic starting stock (after the catalog seeder).</summary>
internal sealed class StockSeeder : IStorefrontSeeder
{
    public int Order => 200;

    public async Task SeedAsync(StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var stocked = db.Set<StockItem>().Select(s => s.ProductId);
        var missing = await db.Set<Product>().IgnoreQueryFilters()
            .Where(p => !stocked.Contains(p.Id))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        var random = new Randomizer(20_260_200);
        foreach (var productId in missing)
        {
            // Most products are well stocked, a few are scarce or sold out, as in a real shop.
            var available = random.WeightedRandom([0, random.Number(1, 5), random.Number(20, 500)], [0.03f, 0.07f, 0.90f]);
            db.Add(new StockItem { ProductId = productId, Available = available });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
