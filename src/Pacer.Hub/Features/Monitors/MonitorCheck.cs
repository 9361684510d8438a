using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pacer.Hub.Features.Monitors;

/// <summary>One check of a monitor: when, how long, whether it passed, which rules failed, and the run's JSON report.</summary>
public sealed class MonitorCheck
{
    public long Id { get; set; }

    public long MonitorId { get; set; }

    public HubMonitor? Monitor { get; set; }

    public long ProjectId { get; set; }

    public DateTime StartedAt { get; set; }

    public double DurationMs { get; set; }

    public bool Passed { get; set; }

    /// <summary>One line: what failed, or how many steps passed.</summary>
    public required string Summary { get; set; }

    /// <summary>The failing rules, one per line (<c>step-failed:Login</c>).</summary>
    public string FailedRules { get; set; } = "";

    /// <summary><c>pacer run</c>'s JSON report of the check (docs/report-json.md); null when the flow could not run.</summary>
    public string? ReportJson { get; set; }
}

internal sealed class MonitorCheckConfiguration : IEntityTypeConfiguration<MonitorCheck>
{
    public void Configure(EntityTypeBuilder<MonitorCheck> builder)
    {
        builder.ToTable("monitor_checks");
        builder.HasIndex(c => new { c.MonitorId, c.StartedAt });
        builder.HasIndex(c => c.StartedAt);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.HasOne(c => c.Monitor).WithMany().HasForeignKey(c => c.MonitorId).OnDelete(DeleteBehavior.Cascade);
    }
}
