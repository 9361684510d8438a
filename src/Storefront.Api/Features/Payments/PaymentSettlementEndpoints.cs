using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Auth;

namespace Storefront.Api.Features.Payments;

/// <summary>Capture and refund of a shopper's own payment.</summary>
internal static class PaymentSettlementEndpoints
{
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> CaptureAsync(
        Guid id, ClaimsPrincipal user, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        var result = await settlement.CaptureAsync(user.GetUserId(), id, cancellationToken);
        return result.Outcome switch
        {
            SettlementOutcome.Done => TypedResults.Ok(PaymentResponse.From(result.Payment!)),
            SettlementOutcome.NotFound => PaymentsApi.PaymentNotFound(id),
            SettlementOutcome.ProviderFailed => ProviderFailed(),
            _ => TypedResults.Problem(
                $"Payment {id} is {result.Payment?.Status}; only authorized payments can be captured.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Payment cannot be captured"),
        };
    }

    public static async Task<Results<Created<RefundResponse>, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid id, RefundRequest? request, ClaimsPrincipal user, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        long? cents = null;
        if (request?.Amount is { } amount)
        {
            cents = Money.ToCents(amount);
            if (amount <= 0 || cents is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["amount"] = ["amount must be greater than 0 with at most two decimals."],
                });
            }
        }

        var result = await settlement.RefundAsync(user.GetUserId(), id, cents, cancellationToken);
        return result.Outcome switch
        {
            SettlementOutcome.Done => TypedResults.Created(
                $"/api/v1/payments/{id}",
                new RefundResponse(result.Refund!.Id, id, Money.FromCents(result.Refund.AmountCents), PaymentResponse.From(result.Payment!))),
            SettlementOutcome.NotFound => PaymentsApi.PaymentNotFound(id),
            SettlementOutcome.ProviderFailed => ProviderFailed(),
            SettlementOutcome.ExceedsRefundable => TypedResults.Problem(
                $"At most {Money.FromCents(result.Payment!.AmountCents - result.Payment.RefundedCents)} {result.Payment.Currency} can still be refunded.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Refund exceeds the captured amount",
                extensions: new Dictionary<string, object?>
                {
                    ["refundable"] = Money.FromCents(result.Payment.AmountCents - result.Payment.RefundedCents),
                }),
            _ => TypedResults.Problem(
                $"Payment {id} is {result.Payment?.Status}; only captured payments can be refunded.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Payment cannot be refunded"),
        };
    }

    private static ProblemHttpResult ProviderFailed() => TypedResults.Problem(
        "The payment provider failed; nothing changed. Retry later.",
        statusCode: StatusCodes.Status502BadGateway,
        title: "Payment provider error");
}
