using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// One payment attempt, keyed by (UserId, IdempotencyKey) so a key can charge at most once.
/// Only the card's brand and last four digits are kept; the full number and CVC never reach the database.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; set; }

    public Guid OrderId { get; set; }

    public Guid UserId { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>A hash of the request without the card number or CVC (see <see cref="PaymentProcessor"/>).</summary>
    public required string RequestHash { get; set; }

    public required string Status { get; set; }

    public long AmountCents { get; set; }

    public long RefundedCents { get; set; }

    public required string Currency { get; set; }

    public required string CardBrand { get; set; }

    public required string CardLast4 { get; set; }

    public bool Capture { get; set; } = true;

    public string? FailureCode { get; set; }

    public string? ProviderReference { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One refund of (part of) a captured payment.</summary>
public sealed class PaymentRefund
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public long AmountCents { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments", t => t.HasCheckConstraint("ck_payments_refunded", "\"RefundedCents\" <= \"AmountCents\""));
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.IdempotencyKey).HasMaxLength(200);
        builder.Property(p => p.RequestHash).HasMaxLength(64);
        builder.Property(p => p.Status).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.CardBrand).HasMaxLength(20);
        builder.Property(p => p.CardLast4).HasMaxLength(4);
        builder.Property(p => p.FailureCode).HasMaxLength(50);
        builder.Property(p => p.ProviderReference).HasMaxLength(100);
        builder.Property(p => p.CreatedAt).IsUtc();
        builder.Property(p => p.UpdatedAt).IsUtc();
        builder.HasIndex(p => new { p.UserId, p.IdempotencyKey }).IsUnique();
        builder.HasIndex(p => p.OrderId);
    }
}

internal sealed class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> builder)
    {
        builder.ToTable("payment_refunds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CreatedAt).IsUtc();
        builder.HasIndex(r => r.PaymentId);
    }
}
