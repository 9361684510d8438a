namespace Storefront.Api.Features.Payments;

/// <summary><c>Storefront:Payments</c> settings.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Storefront:Payments";

    /// <summary>How long the simulated provider takes for the slow test card 4000000000000077.</summary>
    public TimeSpan SlowCardLatency { get; set; } = TimeSpan.FromSeconds(3);
}
