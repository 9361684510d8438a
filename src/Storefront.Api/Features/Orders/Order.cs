using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Orders;

/// <summary>
/// A shopper's order. (UserId, IdempotencyKey) is unique, so two racing requests with one key
/// can never both create an order; <see cref="RequestHash"/> tells a replay from a conflicting reuse.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Status { get; set; }

    public required string Currency { get; set; }

    public long TotalCents { get; set; }

    public required ShippingAddress ShippingAddress { get; set; }

    public List<OrderItem> Items { get; set; } = [];

    public required string IdempotencyKey { get; set; }

    public required string RequestHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When an unpaid order gives its reservation back.</summary>
    public DateTime ExpiresAt { get; set; }
}

public sealed class OrderItem
{
    public Guid OrderId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>Name and price as they were when ordered; the catalog may change later.</summary>
    public required string ProductName { get; set; }

    public long UnitPriceCents { get; set; }

    public int Quantity { get; set; }
}

public sealed class ShippingAddress
{
    public required string Name { get; set; }

    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string City { get; set; }

    public required string PostalCode { get; set; }

    public required string Country { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasMaxLength(32);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(OrderValidation.MaxIdempotencyKeyLength);
        builder.Property(o => o.RequestHash).HasMaxLength(64);
        builder.Property(o => o.CreatedAt).IsUtc();
        builder.Property(o => o.UpdatedAt).IsUtc();
        builder.Property(o => o.ExpiresAt).IsUtc();
        builder.OwnsOne(o => o.ShippingAddress, address =>
        {
            address.Property(a => a.Name).HasColumnName("ShipName").HasMaxLength(200);
            address.Property(a => a.Line1).HasColumnName("ShipLine1").HasMaxLength(200);
            address.Property(a => a.Line2).HasColumnName("ShipLine2").HasMaxLength(200);
            address.Property(a => a.City).HasColumnName("ShipCity").HasMaxLength(100);
            address.Property(a => a.PostalCode).HasColumnName("ShipPostalCode").HasMaxLength(20);
            address.Property(a => a.Country).HasColumnName("ShipCountry").HasMaxLength(2);
        });
        builder.Navigation(o => o.ShippingAddress).IsRequired();
        builder.HasMany(o => o.Items).WithOne().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.UserId, o.IdempotencyKey }).IsUnique();
        builder.HasIndex(o => new { o.UserId, o.CreatedAt });
        builder.HasIndex(o => new { o.Status, o.ExpiresAt });
    }
}

internal sealed class OrderItemConfiguration : IEntityTypeConfiguration<OrderItem>
{
    public void Configure(EntityTypeBuilder<OrderItem> builder)
    {
        builder.ToTable("order_items");
        builder.HasKey(i => new { i.OrderId, i.ProductId });
        builder.Property(i => i.ProductName).HasMaxLength(Money.MaxNameLength);
    }
}
