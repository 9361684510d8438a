using Bogus;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Catalog;

/// <summary>
/// Seeds ten categories and about a thousand products with realistic names. The fixed Bogus seed
/// and fixed dates make every fresh database identical, so performance runs are comparable.
/// </summary>
public sealed class CatalogSeeder : IStorefrontSeeder
{
    public const int ProductCount = 1000;

    /// <summary>Categories are fixed (ids 1 to this); no endpoint adds one, so the document can state the range.</summary>
    public const int CategoryCount = 10;
    private const int Seed = 20_260_100;
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyList<Category> Categories =
    [
        new() { Id = 1, Name = "Electronics", Slug = "electronics" },
        new() { Id = 2, Name = "Books", Slug = "books" },
        new() { Id = 3, Name = "Home & Kitchen", Slug = "home-kitchen" },
        new() { Id = 4, Name = "Clothing", Slug = "clothing" },
        new() { Id = 5, Name = "Sports & Outdoors", Slug = "sports-outdoors" },
        new() { Id = 6, Name = "Toys & Games", Slug = "toys-games" },
        new() { Id = 7, Name = "Beauty", Slug = "beauty" },
        new() { Id = 8, Name = "Garden", Slug = "garden" },
        new() { Id = 9, Name = "Grocery", Slug = "grocery" },
        new() { Id = 10, Name = "Automotive", Slug = "automotive" },
    ];

    public int Order => 100;

    public async Task SeedAsync(StorefrontDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<Category>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.AddRange(Categories.Select(c => new Category { Id = c.Id, Name = c.Name, Slug = c.Slug }));
        var createdOffset = 0;
        var products = new Faker<Product>()
            .UseSeed(Seed)
            .CustomInstantiator(f => new Product { Name = f.Commerce.ProductName() })
            .RuleFor(p => p.Id, f => f.Random.Guid())
            .RuleFor(p => p.Description, f => f.Commerce.ProductDescription())
            .RuleFor(p => p.CategoryId, f => f.Random.Number(1, Categories.Count))
            .RuleFor(p => p.PriceCents, f => f.Random.WeightedRandom(
                [f.Random.Long(199, 2_999), f.Random.Long(3_000, 19_999), f.Random.Long(20_000, 249_999)],
                [0.5f, 0.35f, 0.15f]))
            .RuleFor(p => p.Currency, Money.DefaultCurrency)
            .RuleFor(p => p.CreatedAt, f => Epoch.AddMinutes(createdOffset += f.Random.Number(1, 500)))
            .RuleFor(p => p.UpdatedAt, (_, p) => p.CreatedAt)
            .Generate(ProductCount);
        db.AddRange(products);
        await db.SaveChangesAsync(cancellationToken);
    }
}
