using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Flows;

/// <summary>A <c>.flow.md</c> kept in the Hub under a name; every change is a new <see cref="FlowVersion"/>.</summary>
public sealed class StoredFlow
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    /// <summary>Unique in the project, e.g. <c>checkout.flow.md</c>.</summary>
    public required string Name { get; set; }

    public int LatestVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One saved text of a flow. Versions are never changed or deleted while the flow exists.</summary>
public sealed class FlowVersion
{
    public long Id { get; set; }

    public long FlowId { get; set; }

    public StoredFlow? Flow { get; set; }

    public int Version { get; set; }

    public required string Content { get; set; }

    public string? Comment { get; set; }

    public long CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class StoredFlowConfiguration : IEntityTypeConfiguration<StoredFlow>, IEntityTypeConfiguration<FlowVersion>
{
    public void Configure(EntityTypeBuilder<StoredFlow> builder)
    {
        builder.ToTable("flows");
        builder.HasIndex(f => new { f.ProjectId, f.Name }).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FlowVersion> builder)
    {
        builder.ToTable("flow_versions");
        builder.HasIndex(v => new { v.FlowId, v.Version }).IsUnique();
        builder.Property(v => v.Comment).HasMaxLength(500);
        builder.HasOne(v => v.Flow).WithMany().HasForeignKey(v => v.FlowId).OnDelete(DeleteBehavior.Cascade);
    }
}
