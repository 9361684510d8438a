using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Users;

namespace Pacer.Hub.Features.Projects;

/// <summary>A user's role in one project. Someone who is not a member cannot tell the project exists.</summary>
public sealed class ProjectMember
{
    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public long UserId { get; set; }

    public User? User { get; set; }

    public ProjectRole Role { get; set; }

    public DateTime AddedAt { get; set; }
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("project_members");
        builder.HasKey(m => new { m.ProjectId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
