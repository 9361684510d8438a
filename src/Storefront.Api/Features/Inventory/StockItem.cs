using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Features.Inventory;

/// <summary>
/// One product's stock. Units move Available → Reserved (an order waits for payment) →
/// Sold (paid), or back to Available (cancelled or expired). Every move is a conditional
/// atomic UPDATE, so Reserved + Sold can never exceed what was stocked, whatever the concurrency.
/// </summary>
public sealed class StockItem
{
    public Guid ProductId { get; set; }

    public int Available { get; set; }

    public int Reserved { get; set; }

    public int Sold { get; set; }
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.ToTable("stock", t =>
        {
            t.HasCheckConstraint("ck_stock_available", "\"Available\" >= 0");
            t.HasCheckConstraint("ck_stock_reserved", "\"Reserved\" >= 0");
        });
        builder.HasKey(s => s.ProductId);
        builder.Property(s => s.ProductId).ValueGeneratedNever();
    }
}
