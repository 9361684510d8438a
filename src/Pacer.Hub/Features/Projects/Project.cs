using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pacer.Hub.Features.Projects;

/// <summary>A team's API: its specs and SLAs, flows, environments, runs, monitors and alerts.</summary>
public sealed class Project
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique, URL-safe; what <c>--project SLUG</c> and the dashboard's URLs use.</summary>
    public required string Slug { get; set; }

    public string? Description { get; set; }

    /// <summary>The run new runs are compared with (<c>pacer compare</c>'s verdict); null until one is chosen.</summary>
    public long? BaselineRunId { get; set; }

    /// <summary>The comparison tolerance, a fraction (0.10 = 10 %), as <c>pacer compare --tolerance</c>.</summary>
    public double RegressionTolerance { get; set; } = 0.10;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Slug).HasMaxLength(50);
        builder.Property(p => p.Description).HasMaxLength(2000);
    }
}
