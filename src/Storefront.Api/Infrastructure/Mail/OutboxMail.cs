using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Infrastructure.Mail;

/// <summary>
/// A mail waiting to be (or already) sent. Written in the same transaction as the change that caused
/// it, so no mail is lost or sent for a change that rolled back.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>What the mail is about, e.g. "password_reset", so tests and tools can find it.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.HasIndex(m => m.SentAt);
    }
}
