using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

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

    /// <summary>
    /// Incremented by every move, in the same UPDATE: live-event viewers are shown a version, so a
    /// value read later can never be published as if it were older, and a viewer can tell it missed none.
    /// </summary>
    public long Version { get; set; }

    /// <summary>When the last move happened (set in the same UPDATE): how far behind the ledger a viewer is.</summary>
    public DateTime ChangedAt { get; set; }
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
        builder.Property(s => s.ChangedAt).IsUtc();
    }
}
