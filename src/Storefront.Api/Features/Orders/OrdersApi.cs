using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Http;

namespace Storefront.Api.Features.Orders;

public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IServiceCollection AddOrdersFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.Section);
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderReleaser>();
        services.AddSingleton<OrderExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderExpiryService>());
        return services;
    }

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders")
            .WithTags("Orders")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        orders.MapPost("/", PlaceOrderAsync)
            .WithName("PlaceOrder")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        orders.MapGet("/", ListOrdersAsync).WithName("ListOrders");
        orders.MapGet("/{id:guid}", GetOrderAsync).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id:guid}/cancel", CancelOrderAsync)
            .WithName("CancelOrder")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrderAsync(
        [FromHeader(Name = IdempotencyKeyHeader), Required, StringLength(OrderValidation.MaxIdempotencyKeyLength),
            RegularExpression(OrderValidation.IdempotencyKeyPattern)] string? idempotencyKey,
        PlaceOrderRequest request,
        ClaimsPrincipal user,
        HttpContext context,
        OrderPlacement placement,
        CancellationToken cancellationToken)
    {
        if (OrderValidation.CheckIdempotencyKey(idempotencyKey) is { } keyProblem)
        {
            return TypedResults.Problem(keyProblem, statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key header missing or invalid");
        }

        var errors = OrderValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await placement.PlaceAsync(user.GetUserId(), idempotencyKey!, request, cancellationToken);
        switch (result.Outcome)
        {
            case PlacementOutcome.Invalid:
                return TypedResults.ValidationProblem(result.Errors!);
            case PlacementOutcome.KeyReusedWithDifferentRequest:
                return TypedResults.Problem(
                    "This Idempotency-Key was already used for a different order request; use a new key for a new order.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency-Key reused with a different request");
            case PlacementOutcome.OutOfStock:
                return TypedResults.Problem(
                    "Not enough stock for: " + string.Join(", ", result.Shortfalls!.Select(s => $"{s.ProductId} (requested {s.Requested}, available {s.Available})")),
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Insufficient stock",
                    extensions: new Dictionary<string, object?> { ["items"] = result.Shortfalls });
            case PlacementOutcome.Replayed:
                context.Response.Headers[ReplayedHeader] = "true";
                break;
        }

        return TypedResults.Created($"/api/v1/orders/{result.Order!.Id}", OrderResponse.From(result.Order));
    }

    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListOrdersAsync(
        [Range(1, Paging.MaxPage)] int? page,
        [Range(1, Paging.MaxPageSize)] int? pageSize,
        ClaimsPrincipal user,
        StorefrontDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = user.GetUserId();
        var (pageNumber, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        var own = db.Set<Order>().AsNoTracking().Where(o => o.UserId == userId);
        var total = await own.CountAsync(cancellationToken);
        var orders = await own.Include(o => o.Items)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new OrderPage(
            orders.Select(OrderResponse.From).ToList(), total, pageNumber, size, (total + size - 1) / size));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetOrderAsync(
        Guid id, ClaimsPrincipal user, StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var order = await FindOwnAsync(db, id, user.GetUserId(), cancellationToken);
        return order is null ? OrderNotFound(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelOrderAsync(
        Guid id, ClaimsPrincipal user, StorefrontDbContext db, OrderReleaser releaser, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var order = await FindOwnAsync(db, id, userId, cancellationToken);
        if (order is null)
        {
            return OrderNotFound(id);
        }

        foreach (var from in OrderReleaser.Cancellable)
        {
            if (await releaser.TryReleaseAsync(id, from, OrderStatus.Cancelled, dueBy: null, cancellationToken))
            {
                db.ChangeTracker.Clear();
                return TypedResults.Ok(OrderResponse.From((await FindOwnAsync(db, id, userId, cancellationToken))!));
            }
        }

        db.ChangeTracker.Clear();
        var current = await FindOwnAsync(db, id, userId, cancellationToken);
        return TypedResults.Problem(
            $"Order {id} is {current!.Status}; only orders awaiting payment or authorized can be cancelled.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Order cannot be cancelled",
            extensions: new Dictionary<string, object?> { ["status"] = current.Status });
    }

    /// <summary>Another user's order is reported exactly like a missing one, so ids cannot be probed.</summary>
    internal static Task<Order?> FindOwnAsync(StorefrontDbContext db, Guid id, Guid userId, CancellationToken cancellationToken) =>
        db.Set<Order>().AsNoTracking().Include(o => o.Items)
            .FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId, cancellationToken);

    internal static ProblemHttpResult OrderNotFound(Guid id) =>
        TypedResults.Problem($"Order {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");
}
