using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Monitors;

namespace Pacer.Hub.Features.Alerts;

/// <summary>
/// One failing period of one rule of one monitor: raised when the rule starts failing, resolved when
/// it passes again. While it fires, further failing checks only count (<see cref="FailingChecks"/>):
/// that is the de-duplication — one alert per change of state, however long the outage.
/// </summary>
public sealed class Alert
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long MonitorId { get; set; }

    public HubMonitor? Monitor { get; set; }

    /// <summary><c>step-failed:NAME</c> or <c>flow-error</c>.</summary>
    public required string Rule { get; set; }

    public required string Status { get; set; }

    public DateTime FiredAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public required string Detail { get; set; }

    public int FailingChecks { get; set; }

    public long? LastCheckId { get; set; }
}

/// <summary>The history of an alert: fired, each delivery (or failed delivery) per channel, resolved.</summary>
public sealed class AlertEvent
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public Alert? Alert { get; set; }

    public DateTime At { get; set; }

    /// <summary><c>firing</c>, <c>resolved</c>, <c>delivered</c> or <c>delivery-failed</c>.</summary>
    public required string Kind { get; set; }

    public string? Channel { get; set; }

    public required string Detail { get; set; }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>, IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.HasIndex(a => new { a.MonitorId, a.Rule, a.Status });
        builder.HasIndex(a => new { a.ProjectId, a.FiredAt });
        builder.Property(a => a.Rule).HasMaxLength(400);
        builder.Property(a => a.Status).HasMaxLength(10);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.HasOne(a => a.Monitor).WithMany().HasForeignKey(a => a.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AlertEvent> builder)
    {
        builder.ToTable("alert_events");
        builder.HasIndex(e => e.AlertId);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Channel).HasMaxLength(100);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.HasOne(e => e.Alert).WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
