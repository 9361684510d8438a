using Microsoft.EntityFrameworkCore;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// The one database context. Each feature owns its entities and maps them with an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its own folder; use <c>db.Set&lt;T&gt;()</c>.
/// </summary>
public sealed class StorefrontDbContext(DbContextOptions<StorefrontDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StorefrontDbContext).Assembly);
}
