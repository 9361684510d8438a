using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Features.Catalog;

/// <summary>
/// A sellable product. Prices are integer minor units (<see cref="PriceCents"/>) because SQLite
/// stores decimals as TEXT, which would sort and compare prices as strings.
/// </summary>
public sealed class Product
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public long PriceCents { get; set; }

    public string Currency { get; set; } = Money.DefaultCurrency;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Incremented on every change: the strong ETag and the optimistic concurrency token.</summary>
    public long Version { get; set; } = 1;

    /// <summary>Products are archived, not deleted, because orders keep referring to them.</summary>
    public DateTime? DeletedAt { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Money.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.CreatedAt).IsUtc();
        builder.Property(p => p.UpdatedAt).IsUtc();
        builder.Property(p => p.DeletedAt).IsUtc();
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PriceCents);
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.CreatedAt);
        builder.HasQueryFilter(p => p.DeletedAt == null);
    }
}
