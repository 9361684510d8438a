using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// One row recording which model the database was created from. We use EnsureCreated instead of
/// EF migrations (no dotnet-ef tool here, and migrations would be provider-specific twice over);
/// the fingerprint lets start-up notice a database created by an older build.
/// </summary>
public sealed class SchemaVersion
{
    public int Id { get; set; }

    public required string Fingerprint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SchemaVersionConfiguration : IEntityTypeConfiguration<SchemaVersion>
{
    public void Configure(EntityTypeBuilder<SchemaVersion> builder)
    {
        builder.ToTable("storefront_schema_version");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Fingerprint).HasMaxLength(64);
    }
}
