using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Inventory;

/// <summary>The audit row every admin stock adjustment leaves behind.</summary>
public sealed class InventoryAdjustment
{
    public Guid Id { get; set; }

    public Guid ProductId { get; set; }

    public int Delta { get; set; }

    public required string Reason { get; set; }

    public Guid AdjustedBy { get; set; }

    public int AvailableAfter { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class InventoryAdjustmentConfiguration : IEntityTypeConfiguration<InventoryAdjustment>
{
    public void Configure(EntityTypeBuilder<InventoryAdjustment> builder)
    {
        builder.ToTable("inventory_adjustments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.CreatedAt).IsUtc();
        builder.HasIndex(a => new { a.ProductId, a.CreatedAt });
    }
}
