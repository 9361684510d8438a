using System.ComponentModel.DataAnnotations;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Features.Payments;

/// <summary><see cref="Capture"/> false only authorizes; capture later with <c>POST /payments/{id}/capture</c>.</summary>
public sealed record CreatePaymentRequest(
    [property: Required(ErrorMessage = "is required."), AllowedValues("card", ErrorMessage = "must be \"card\".")]
    string? Method,
    [property: Required(ErrorMessage = "is required.")]
    CardRequest? Card,
    bool? Capture = null);

/// <summary>The number may carry spaces or dashes; it must also pass the Luhn check, which no schema can state.</summary>
public sealed record CardRequest(
    [property: Required(ErrorMessage = "is required."), RegularExpression("^[0-9 -]{12,40}$", ErrorMessage = "must be 12 to 19 digits.")]
    string? Number,
    [property: Required(ErrorMessage = "is required."), Range(1, 12, ErrorMessage = "must be between {1} and {2}.")]
    int? ExpMonth,
    [property: Required(ErrorMessage = "is required."), Range(0, 2100, ErrorMessage = "must be a four-digit year.")]
    int? ExpYear,
    [property: Required(ErrorMessage = "is required."), RegularExpression("^[0-9]{3,4}$", ErrorMessage = "must be 3 digits (4 for American Express).")]
    string? Cvc) : IValidatableObject
{
    /// <summary>Keeps the card number out of anything that prints the record (logs, exceptions).</summary>
    public override string ToString() => "CardRequest { Number = ****, Cvc = *** }";

    /// <summary>What no schema can state: the Luhn checksum, the expiry against today, the CVC length per brand.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var (_, errors) = CardValidation.Validate(new CreatePaymentRequest("card", this, null), time.GetUtcNow());
        foreach (var (field, messages) in errors)
        {
            var member = field["card.".Length..];
            yield return new ValidationResult(messages[0], [char.ToUpperInvariant(member[0]) + member[1..]]);
        }
    }
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

/// <summary>Without an amount, everything not yet refunded is.</summary>
public sealed record RefundRequest(
    [property: Range(typeof(decimal), "0", "1000000000", MinimumIsExclusive = true, ErrorMessage = "must be greater than 0 with at most two decimals."),
        MultipleOf(0.01, ErrorMessage = "must be greater than 0 with at most two decimals.")]
    decimal? Amount = null);

public sealed record RefundResponse(Guid Id, Guid PaymentId, decimal Amount, PaymentResponse Payment);
