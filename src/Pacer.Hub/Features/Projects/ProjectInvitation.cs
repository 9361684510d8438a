using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pacer.Hub.Features.Projects;

/// <summary>
/// An invitation to join a project with a role, addressed to a username. The invitee accepts it
/// with the secret shown once to the inviter (or from their own list of invitations).
/// </summary>
public sealed class ProjectInvitation
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Username { get; set; }

    public ProjectRole Role { get; set; }

    public required string TokenHash { get; set; }

    public long InvitedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class ProjectInvitationConfiguration : IEntityTypeConfiguration<ProjectInvitation>
{
    public void Configure(EntityTypeBuilder<ProjectInvitation> builder)
    {
        builder.ToTable("project_invitations");
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Username);
        builder.Property(i => i.Username).HasMaxLength(64);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
