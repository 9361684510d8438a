using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Tokens;

/// <summary>
/// A long-lived token for CI (<c>PACER_HUB_TOKEN</c>), bound to one project and a role there. Stored as
/// its hash; revoking it takes effect on the next request.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public ProjectRole Role { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The first characters of the secret, so people can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public long CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
