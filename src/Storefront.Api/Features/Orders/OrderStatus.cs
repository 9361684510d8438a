namespace Storefront.Api.Features.Orders;

/// <summary>
/// Order lifecycle. Stock is reserved while pending_payment, processing_payment or authorized,
/// sold once paid, and released when cancelled or expired.
/// </summary>
public static class OrderStatus
{
    public const string PendingPayment = "pending_payment";

    /// <summary>A payment is with the provider; neither cancel nor expiry may touch the order meanwhile.</summary>
    public const string ProcessingPayment = "processing_payment";
    public const string Authorized = "authorized";
    public const string Paid = "paid";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
}
