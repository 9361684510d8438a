using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// A live shopping event: a creator presents featured products to viewers who follow it over SSE and react over
/// WebSocket. What viewers see is read back from the database by every instance (see <see cref="LiveEventWatcher"/>),
/// so an event opened or changed through one instance reaches viewers connected to another.
/// </summary>
public sealed class LiveEvent
{
    public const string Live = "live";
    public const string Ended = "ended";

    public Guid Id { get; set; }

    public required string Title { get; set; }

    public Guid HostId { get; set; }

    public required string Status { get; set; }

    public Guid? PinnedProductId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Incremented by every change of pin or status, so a read that raced a newer one is never shown after it.</summary>
    public long Version { get; set; }

    public List<LiveEventProduct> Products { get; set; } = [];
}

/// <summary>A featured product, with its price when the event opened (what a price drop is measured from).</summary>
public sealed class LiveEventProduct
{
    public Guid EventId { get; set; }

    public Guid ProductId { get; set; }

    public int Position { get; set; }

    public long StartPriceCents { get; set; }
}

/// <summary>Reactions of one kind so far; every instance adds its viewers' reactions with one conditional UPDATE.</summary>
public sealed class LiveEventReactionTotal
{
    public Guid EventId { get; set; }

    public required string Kind { get; set; }

    public long Count { get; set; }
}

internal sealed class LiveEventConfiguration : IEntityTypeConfiguration<LiveEvent>
{
    public void Configure(EntityTypeBuilder<LiveEvent> builder)
    {
        builder.ToTable("live_events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Title).HasMaxLength(LiveEventRules.MaxTitleLength);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.Property(e => e.StartedAt).IsUtc();
        builder.Property(e => e.EndedAt).IsUtc();
        builder.HasMany(e => e.Products).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.Status, e.StartedAt });
    }
}

internal sealed class LiveEventProductConfiguration : IEntityTypeConfiguration<LiveEventProduct>
{
    public void Configure(EntityTypeBuilder<LiveEventProduct> builder)
    {
        builder.ToTable("live_event_products");
        builder.HasKey(p => new { p.EventId, p.ProductId });
    }
}

internal sealed class LiveEventReactionTotalConfiguration : IEntityTypeConfiguration<LiveEventReactionTotal>
{
    public void Configure(EntityTypeBuilder<LiveEventReactionTotal> builder)
    {
        builder.ToTable("live_event_reactions");
        builder.HasKey(r => new { r.EventId, r.Kind });
        builder.Property(r => r.Kind).HasMaxLength(16);
    }
}
