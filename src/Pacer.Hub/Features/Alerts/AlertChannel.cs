using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Alerts;

/// <summary>Where a project's alerts go: a JSON webhook, a Slack-compatible incoming webhook, or an e-mail address (SMTP).</summary>
public sealed class AlertChannel
{
    public const string Webhook = "webhook";
    public const string Slack = "slack";
    public const string Email = "email";

    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    /// <summary>The URL (webhook, slack) or the address (email).</summary>
    public required string Target { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class AlertChannelConfiguration : IEntityTypeConfiguration<AlertChannel>
{
    public void Configure(EntityTypeBuilder<AlertChannel> builder)
    {
        builder.ToTable("alert_channels");
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Kind).HasMaxLength(10);
        builder.Property(c => c.Target).HasMaxLength(2000);
        builder.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
