using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pacer.Hub.Features.ApiSpecs;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// One step of a run with its numbers: what trends read. <see cref="ApiSpecId"/> is the project's
/// endpoint the step's method and URL matched when the run landed, so a spec's trend is a query.
/// </summary>
public sealed class RunStep
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public Run? Run { get; set; }

    public long ProjectId { get; set; }

    public required string Name { get; set; }

    public string Flow { get; set; } = "";

    public string Method { get; set; } = "";

    public string Url { get; set; } = "";

    public long? ApiSpecId { get; set; }

    public ApiSpec? ApiSpec { get; set; }

    public DateTime StartedAt { get; set; }

    public long Requests { get; set; }

    public long Failures { get; set; }

    public double ErrorRate { get; set; }

    public double Rps { get; set; }

    public double? P50Ms { get; set; }

    public double? P95Ms { get; set; }

    public double? P99Ms { get; set; }
}

internal sealed class RunStepConfiguration : IEntityTypeConfiguration<RunStep>
{
    public void Configure(EntityTypeBuilder<RunStep> builder)
    {
        builder.ToTable("run_steps");
        builder.HasIndex(s => new { s.ProjectId, s.Name, s.StartedAt });
        builder.HasIndex(s => new { s.ApiSpecId, s.StartedAt });
        builder.HasIndex(s => s.RunId);
        builder.Property(s => s.Name).HasMaxLength(300);
        builder.Property(s => s.Flow).HasMaxLength(500);
        builder.Property(s => s.Method).HasMaxLength(10);
        builder.Property(s => s.Url).HasMaxLength(2000);
        builder.HasOne(s => s.Run).WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ApiSpec).WithMany().HasForeignKey(s => s.ApiSpecId).OnDelete(DeleteBehavior.SetNull);
    }
}
