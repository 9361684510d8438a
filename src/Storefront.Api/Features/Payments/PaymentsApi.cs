using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Orders;
using Storefront.Api.Infrastructure.Auth;

namespace Storefront.Api.Features.Payments;

public static class PaymentsApi
{
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section);
        services.TryAddSingleton<IPaymentProvider, SimulatedPaymentProvider>();
        services.AddSingleton<KeyedLock>();
        services.AddScoped<PaymentProcessor>();
        services.AddScoped<PaymentOutcomes>();
        services.AddSingleton<PaymentReconciliation>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentReconciliation>());
        services.AddScoped<PaymentSettlement>();
        return services;
    }

    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{orderId:guid}/payments", PayOrderAsync)
            .WithTags("Payments")
            .WithName("PayOrder")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        var payments = api.MapGroup("/payments")
            .WithTags("Payments")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapGet("/{id:guid}", GetPaymentAsync).WithName("GetPayment");
        payments.MapPost("/{id:guid}/capture", PaymentSettlementEndpoints.CaptureAsync)
            .WithName("CapturePayment")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        payments.MapPost("/{id:guid}/refund", PaymentSettlementEndpoints.RefundAsync)
            .WithName("RefundPayment")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    public static async Task<Results<Created<PaymentResponse>, ValidationProblem, ProblemHttpResult>> PayOrderAsync(
        Guid orderId,
        [FromHeader(Name = OrdersApi.IdempotencyKeyHeader), Required, StringLength(OrderValidation.MaxIdempotencyKeyLength),
            RegularExpression(OrderValidation.IdempotencyKeyPattern)] string? idempotencyKey,
        CreatePaymentRequest request,
        ClaimsPrincipal user,
        HttpContext context,
        PaymentProcessor processor,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (OrderValidation.CheckIdempotencyKey(idempotencyKey) is { } keyProblem)
        {
            return TypedResults.Problem(keyProblem, statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key header missing or invalid");
        }

        var (card, errors) = CardValidation.Validate(request, time.GetUtcNow());
        if (card is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var attempt = await processor.PayAsync(user.GetUserId(), orderId, idempotencyKey!, request, card, cancellationToken);
        var payment = attempt.Payment;
        return attempt.Outcome switch
        {
            PaymentOutcome.Succeeded => TypedResults.Created($"/api/v1/payments/{payment!.Id}", PaymentResponse.From(payment)),
            PaymentOutcome.Replayed => Replayed(context, payment!),
            PaymentOutcome.OrderNotFound => OrdersApi.OrderNotFound(orderId),
            PaymentOutcome.OrderNotPayable => TypedResults.Problem(
                $"Order {orderId} is {attempt.OrderStatus}; only orders awaiting payment can be paid.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Order cannot be paid",
                extensions: new Dictionary<string, object?> { ["status"] = attempt.OrderStatus }),
            PaymentOutcome.InProgress => TypedResults.Problem(
                "A payment with this Idempotency-Key is still being processed; retry shortly.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Payment in progress"),
            PaymentOutcome.KeyReusedWithDifferentRequest => TypedResults.Problem(
                "This Idempotency-Key was already used for a different payment request; use a new key.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused with a different request"),
            PaymentOutcome.Declined => TypedResults.Problem(
                payment!.FailureCode == "insufficient_funds" ? "The card has insufficient funds." : "The card was declined.",
                statusCode: StatusCodes.Status402PaymentRequired,
                title: "Payment declined",
                extensions: new Dictionary<string, object?> { ["code"] = payment.FailureCode, ["paymentId"] = payment.Id }),
            _ => TypedResults.Problem(
                "The payment provider failed; nothing was charged. Retry with a new Idempotency-Key.",
                statusCode: StatusCodes.Status502BadGateway,
                title: "Payment provider error",
                extensions: new Dictionary<string, object?> { ["code"] = "provider_error", ["paymentId"] = payment?.Id }),
        };
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetPaymentAsync(
        Guid id, ClaimsPrincipal user, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        var payment = await settlement.FindOwnAsync(user.GetUserId(), id, cancellationToken);
        return payment is null ? PaymentNotFound(id) : TypedResults.Ok(PaymentResponse.From(payment));
    }

    internal static ProblemHttpResult PaymentNotFound(Guid id) =>
        TypedResults.Problem($"Payment {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Payment not found");

    private static Created<PaymentResponse> Replayed(HttpContext context, Payment payment)
    {
        context.Response.Headers[OrdersApi.ReplayedHeader] = "true";
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", PaymentResponse.From(payment));
    }

}
