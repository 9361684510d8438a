namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// Seeds one feature's demo data on first start. Seeders run in ascending <see cref="Order"/>
/// (users before products before stock) and must do nothing when their data already exists.
/// </summary>
public interface IStorefrontSeeder
{
    int Order { get; }

    Task SeedAsync(StorefrontDbContext db, CancellationToken cancellationToken);
}
