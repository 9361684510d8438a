namespace Storefront.Api.Features.Payments;

/// <summary>Payment lifecycle; a payment row exists from the moment its idempotency key is claimed.</summary>
public static class PaymentStatus
{
    /// <summary>The key is claimed and the provider is being asked; replays wait or get 409.</summary>
    public const string Processing = "processing";
    public const string Authorized = "authorized";
    public const string Captured = "captured";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";
    public const string Voided = "voided";
    public const string Declined = "declined";

    /// <summary>The provider failed; nothing was charged. The key is spent: retry with a new key.</summary>
    public const string Failed = "failed";
}
