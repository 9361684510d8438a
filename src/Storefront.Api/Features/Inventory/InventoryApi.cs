using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Inventory;

public static class InventoryApi
{
    public static IServiceCollection AddInventoryFeature(this IServiceCollection services)
    {
        services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new InventoryEventFeed(
            sp.GetRequiredService<TimeProvider>(),
            Math.Max(16, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<InventoryOptions>>().Value.StreamReplayCapacity)));
        services.AddScoped<StockLedger>();
        services.AddScoped<IStorefrontSeeder, StockSeeder>();
        return services;
    }

    public static RouteGroupBuilder MapInventoryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/inventory").WithTags("Inventory");

        // Mapped before {productId:guid} only for readability: the route constraint already keeps them apart.
        group.MapGet("/stream", InventoryStreamEndpoint.StreamAsync)
            .WithName("StreamInventory")
            .WithSummary("Server-Sent Events of stock and price changes; resumes after Last-Event-ID.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream");

        group.MapGet("/{productId:guid}", GetStockAsync)
            .WithName("GetStock")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{productId:guid}/adjust", AdjustStockAsync)
            .WithName("AdjustStock")
            .RequireAuthorization(StorefrontClaims.AdminPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Results<Ok<StockResponse>, ProblemHttpResult>> GetStockAsync(
        Guid productId, StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var stock = await db.Set<StockItem>().AsNoTracking()
            .Where(s => s.ProductId == productId)
            .Select(s => new StockResponse(s.ProductId, s.Available, s.Reserved))
            .FirstOrDefaultAsync(cancellationToken);
        return stock is null
            ? TypedResults.Problem($"No stock is kept for product {productId}.", statusCode: StatusCodes.Status404NotFound, title: "Product not found")
            : TypedResults.Ok(stock);
    }

    public static async Task<Results<Ok<AdjustStockResponse>, ValidationProblem, ProblemHttpResult>> AdjustStockAsync(
        Guid productId,
        [FromBody] AdjustStockRequest request,
        ClaimsPrincipal user,
        StorefrontDbContext db,
        StockLedger ledger,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Delta is null or 0 or < -1_000_000 or > 1_000_000)
        {
            errors["delta"] = ["delta must be a non-zero whole number between -1000000 and 1000000."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            errors["reason"] = ["reason is required (at most 500 characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var delta = request.Delta!.Value;
        var adjustedBy = user.GetUserId();
        var now = time.UtcNowForStorage();
        var result = await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await ledger.TryAdjustAsync(productId, delta, ct))
            {
                var current = await db.Set<StockItem>().AsNoTracking().FirstOrDefaultAsync(s => s.ProductId == productId, ct);
                return current is null
                    ? (Results<Ok<AdjustStockResponse>, ValidationProblem, ProblemHttpResult>)TypedResults.Problem(
                        $"No stock is kept for product {productId}.", statusCode: StatusCodes.Status404NotFound, title: "Product not found")
                    : TypedResults.Problem(
                        $"Removing {-delta} units would leave fewer on hand than the {current.Reserved} reserved; at most {current.Available} can be removed.",
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Stock cannot go below what is reserved",
                        extensions: new Dictionary<string, object?> { ["available"] = current.Available, ["reserved"] = current.Reserved });
            }

            var stock = await db.Set<StockItem>().AsNoTracking().FirstAsync(s => s.ProductId == productId, ct);
            var audit = new InventoryAdjustment
            {
                Id = Guid.CreateVersion7(),
                ProductId = productId,
                Delta = delta,
                Reason = request.Reason!.Trim(),
                AdjustedBy = adjustedBy,
                AvailableAfter = stock.Available,
                CreatedAt = now,
            };
            db.Add(audit);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(new AdjustStockResponse(productId, stock.Available, stock.Reserved, audit.Id));
        }, cancellationToken);

        if (result.Result is Ok<AdjustStockResponse> ok)
        {
            await ledger.PublishAsync([ok.Value!.ProductId], cancellationToken);
        }

        return result;
    }
}
