using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.Projects;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// One run that landed in the Hub: a <c>pacer load</c> result file, a <c>pacer run</c> JSON report or
/// a monitor's check. The file is kept whole (histograms included) in <see cref="ResultJson"/>; the
/// headline numbers are copied out so lists and trends never parse it.
/// </summary>
public sealed class Run
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    /// <summary><c>load</c>, <c>run</c> or <c>monitor</c>.</summary>
    public required string Kind { get; set; }

    /// <summary><c>running</c> while a live run streams progress, <c>completed</c> once its result is in.</summary>
    public required string Status { get; set; }

    /// <summary>Who sent it: a user's name or <c>token:NAME</c>.</summary>
    public string? UploadedBy { get; set; }

    /// <summary>Free text from the uploader: a branch, a commit, a CI job.</summary>
    public string? Label { get; set; }

    public string? Environment { get; set; }

    /// <summary>The flow files, comma-separated as the result names them.</summary>
    public string Flows { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public DateTime UploadedAt { get; set; }

    public double DurationSeconds { get; set; }

    public bool? Passed { get; set; }

    public long Requests { get; set; }

    public long Failures { get; set; }

    public double ErrorRate { get; set; }

    public double Rps { get; set; }

    public double? P50Ms { get; set; }

    public double? P95Ms { get; set; }

    public double? P99Ms { get; set; }

    /// <summary>The uploaded file, verbatim. Null while a live run has not finished.</summary>
    public string? ResultJson { get; set; }
}

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("runs");
        builder.HasIndex(r => new { r.ProjectId, r.StartedAt });
        builder.Property(r => r.Kind).HasMaxLength(10);
        builder.Property(r => r.Status).HasMaxLength(10);
        builder.Property(r => r.UploadedBy).HasMaxLength(120);
        builder.Property(r => r.Label).HasMaxLength(200);
        builder.Property(r => r.Environment).HasMaxLength(100);
        builder.Property(r => r.Flows).HasMaxLength(2000);
        builder.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
