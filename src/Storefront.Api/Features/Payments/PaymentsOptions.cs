namespace Storefront.Api.Features.Payments;

/// <summary><c>Storefront:Payments</c> settings.</summary>
public sealed class PaymentsOptions
{
    public const string Section = "Storefront:Payments";

    /// <summary>How long the simulated provider takes for the slow test card 4000000000000077.</summary>
    public TimeSpan SlowCardLatency { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a charge may take at the provider. Past it the request answers "in progress" and leaves the payment to
    /// reconciliation, which alone may then decide it (so the two can never both settle one payment).
    /// </summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A payment still <c>processing</c> this long after it began was interrupted (a crash, a timeout): reconciliation
    /// asks the provider and settles it (approved) or releases its order back to pending_payment (declined or never charged).
    /// Must exceed <see cref="ProviderTimeout"/>.
    /// </summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often reconciliation looks for interrupted payments (also once at start-up).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);
}
