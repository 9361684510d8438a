using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.Environments;
using Pacer.Hub.Features.Flows;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// A flow the Hub runs on a cron schedule against an environment (or a base URL), alerting the
/// monitor's channels when a step starts failing and again when it recovers.
/// </summary>
public sealed class HubMonitor
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public long FlowId { get; set; }

    public StoredFlow? Flow { get; set; }

    public long? EnvironmentId { get; set; }

    public ProjectEnvironment? Environment { get; set; }

    /// <summary>Wins over the environment's base URL when set.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A cron expression: five fields, or six with seconds first (<c>*/30 * * * * *</c>), or a macro such as <c>@hourly</c>.</summary>
    public required string Schedule { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? NextCheckAt { get; set; }

    public DateTime? LastCheckAt { get; set; }

    public bool? LastPassed { get; set; }

    public List<AlertChannel> Channels { get; } = [];
}

internal sealed class HubMonitorConfiguration : IEntityTypeConfiguration<HubMonitor>
{
    public void Configure(EntityTypeBuilder<HubMonitor> builder)
    {
        builder.ToTable("monitors");
        builder.HasIndex(m => new { m.Enabled, m.NextCheckAt });
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Schedule).HasMaxLength(100);
        builder.Property(m => m.BaseUrl).HasMaxLength(2000);
        builder.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Flow).WithMany().HasForeignKey(m => m.FlowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Environment).WithMany().HasForeignKey(m => m.EnvironmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Channels).WithMany().UsingEntity("monitor_channels");
    }
}
