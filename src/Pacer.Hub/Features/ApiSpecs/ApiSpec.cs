using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.ApiSpecs;

/// <summary>
/// One endpoint of a project's API (method and path template, e.g. <c>GET /orders/{id}</c>) with its
/// SLA: latency budgets and an error-rate ceiling. Runs' steps are matched to it by method and path.
/// </summary>
public sealed class ApiSpec
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public required string Method { get; set; }

    public required string Path { get; set; }

    public string? Description { get; set; }

    public double? SlaP50Ms { get; set; }

    public double? SlaP95Ms { get; set; }

    public double? SlaP99Ms { get; set; }

    /// <summary>A fraction, 0–1 (0.01 = 1 %).</summary>
    public double? SlaErrorRate { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ApiSpecConfiguration : IEntityTypeConfiguration<ApiSpec>
{
    public void Configure(EntityTypeBuilder<ApiSpec> builder)
    {
        builder.ToTable("api_specs");
        builder.HasIndex(s => new { s.ProjectId, s.Method, s.Path }).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Method).HasMaxLength(10);
        builder.Property(s => s.Path).HasMaxLength(500);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
