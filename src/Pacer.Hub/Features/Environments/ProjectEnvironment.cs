using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Environments;

/// <summary>A named target for a project's flows (<c>staging</c>, <c>prod</c>): a base URL and variables, as <c>.pacer/config.yaml</c> holds them.</summary>
public sealed class ProjectEnvironment
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public string? BaseUrl { get; set; }

    /// <summary>A JSON object of variable names to values.</summary>
    public string VariablesJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ProjectEnvironmentConfiguration : IEntityTypeConfiguration<ProjectEnvironment>
{
    public void Configure(EntityTypeBuilder<ProjectEnvironment> builder)
    {
        builder.ToTable("environments");
        builder.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.BaseUrl).HasMaxLength(2000);
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
