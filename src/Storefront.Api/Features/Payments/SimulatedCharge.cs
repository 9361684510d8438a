using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// The simulated provider's own record of a charge it completed, kept in its own table as a real provider keeps
/// them on its side: it outlives a crash of Storefront, so reconciliation has someone to ask.
/// </summary>
public sealed class SimulatedCharge
{
    public Guid Reference { get; set; }

    public bool Approved { get; set; }

    public string? ProviderReference { get; set; }

    public string? DeclineCode { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class SimulatedChargeConfiguration : IEntityTypeConfiguration<SimulatedCharge>
{
    public void Configure(EntityTypeBuilder<SimulatedCharge> builder)
    {
        builder.ToTable("simulated_provider_charges");
        builder.HasKey(c => c.Reference);
        builder.Property(c => c.Reference).ValueGeneratedNever();
        builder.Property(c => c.ProviderReference).HasMaxLength(100);
        builder.Property(c => c.DeclineCode).HasMaxLength(50);
        builder.Property(c => c.CreatedAt).IsUtc();
    }
}
