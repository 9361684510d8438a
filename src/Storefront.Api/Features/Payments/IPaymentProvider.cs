namespace Storefront.Api.Features.Payments;

/// <summary>
/// The card processor. <see cref="ProviderCharge.Reference"/> is our payment id, which a real
/// provider would take as its own idempotency key.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Authorizes (and, when asked, captures) a charge; throws <see cref="PaymentProviderException"/> when the provider fails.</summary>
    Task<ChargeResult> ChargeAsync(ProviderCharge charge, CancellationToken cancellationToken);

    Task CaptureAsync(string providerReference, long amountCents, CancellationToken cancellationToken);

    Task RefundAsync(string providerReference, long amountCents, CancellationToken cancellationToken);

    /// <summary>
    /// What became of a charge we sent with this reference: how a payment interrupted by a crash is reconciled.
    /// A real provider answers this from its own records (our reference is its idempotency key).
    /// </summary>
    Task<ProviderChargeStatus> GetChargeAsync(Guid reference, CancellationToken cancellationToken);
}

/// <summary>Unknown (the charge never reached the provider, or never completed there), approved or declined.</summary>
public sealed record ProviderChargeStatus(bool Known, bool Approved = false, string? ProviderReference = null, string? DeclineCode = null)
{
    public static readonly ProviderChargeStatus Unknown = new(false);
}

public sealed record ProviderCharge(Guid Reference, Guid OrderId, long AmountCents, string Currency, ValidCard Card, bool Capture);

/// <summary>Approved with a provider reference, or declined with a code such as card_declined.</summary>
public sealed record ChargeResult(bool Approved, string? ProviderReference, string? DeclineCode);

public sealed class PaymentProviderException(string message) : Exception(message);
