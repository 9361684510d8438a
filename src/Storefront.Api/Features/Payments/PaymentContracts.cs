using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Payments;

/// <summary><see cref="Capture"/> false only authorizes; capture later with <c>POST /payments/{id}/capture</c>.</summary>
public sealed record CreatePaymentRequest(string? Method, CardRequest? Card, bool? Capture);

public sealed record CardRequest(string? Number, int? ExpMonth, int? ExpYear, string? Cvc)
{
    /// <summary>Keeps the card number out of anything that prints the record (logs, exceptions).</summary>
    public override string ToString() => "CardRequest { Number = ****, Cvc = *** }";
}

public sealed record PaymentResponse(
    Guid Id,
    Guid OrderId,
    string Status,
    decimal Amount,
    decimal RefundedAmount,
    string Currency,
    string Brand,
    string Last4,
    DateTime CreatedAt)
{
    public static PaymentResponse From(Payment p) => new(
        p.Id, p.OrderId, p.Status, Money.FromCents(p.AmountCents), Money.FromCents(p.RefundedCents),
        p.Currency, p.CardBrand, p.CardLast4, p.CreatedAt);
}

public sealed record RefundRequest(decimal? Amount);

public sealed record RefundResponse(Guid Id, Guid PaymentId, decimal Amount, PaymentResponse Payment);
