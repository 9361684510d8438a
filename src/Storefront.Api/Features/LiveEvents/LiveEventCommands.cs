using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// What the event's host does: open, pin, drop a price, end. Each change bumps the event's version (or the product's)
/// in one conditional UPDATE and wakes this instance's watcher; other instances read it within their poll interval.
/// </summary>
internal static class LiveEventCommands
{
    public static async Task<Results<Created<LiveEventResponse>, ValidationProblem>> OpenAsync(
        OpenLiveEventRequest request, ClaimsPrincipal user, StorefrontDbContext db, TimeProvider time,
        IOptions<LiveEventsOptions> options, CancellationToken cancellationToken)
    {
        var ids = request.ProductIds!.Distinct().ToList();
        var products = await db.Set<Product>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.PriceCents, cancellationToken);
        var missing = ids.Where(id => !products.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return StorefrontProblems.Validation(new Dictionary<string, string[]>
            {
                ["productIds"] = [$"These products do not exist: {string.Join(", ", missing)}."],
            });
        }

        var now = time.UtcNowForStorage();
        var live = new LiveEvent
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            HostId = user.GetUserId(),
            Status = LiveEvent.Live,
            StartedAt = now,
            Products = ids.Select((id, i) => new LiveEventProduct { ProductId = id, Position = i, StartPriceCents = products[id] }).ToList(),
        };
        await db.RetryAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            db.Add(live);
            db.AddRange(LiveEventRules.ReactionKinds.Select(kind => new LiveEventReactionTotal { EventId = live.Id, Kind = kind }));
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

        var state = (await LiveEventReader.ReadAsync(db, live.Id, cancellationToken))!;
        return TypedResults.Created($"/api/v1/live-events/{live.Id}", state.ToResponse(options.Value.StatedDelay));
    }

    public static async Task<Results<Ok<LiveEventResponse>, ValidationProblem, ProblemHttpResult>> PinAsync(
        Guid id, PinProductRequest request, ClaimsPrincipal user, StorefrontDbContext db, LiveEventWatcher watcher,
        IOptions<LiveEventsOptions> options, CancellationToken cancellationToken)
    {
        if (await FindHostedAsync(db, id, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var productId = request.ProductId!.Value;
        if (!await db.Set<LiveEventProduct>().AnyAsync(p => p.EventId == id && p.ProductId == productId, cancellationToken))
        {
            return NotFeatured(productId);
        }

        var updated = await db.RetryAsync(ct => db.Set<LiveEvent>()
            .Where(e => e.Id == id && e.Status == LiveEvent.Live)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.PinnedProductId, productId).SetProperty(x => x.Version, x => x.Version + 1), ct), cancellationToken);
        return await AfterChangeAsync(id, updated, db, watcher, options, cancellationToken);
    }

    public static async Task<Results<Ok<LiveEventResponse>, ValidationProblem, ProblemHttpResult>> DropPriceAsync(
        Guid id, PriceDropRequest request, ClaimsPrincipal user, StorefrontDbContext db, LiveEventWatcher watcher,
        CatalogCache catalog, InventoryEventFeed inventory, TimeProvider time, IOptions<LiveEventsOptions> options,
        CancellationToken cancellationToken)
    {
        if (await FindHostedAsync(db, id, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var productId = request.ProductId!.Value;
        if (!await db.Set<LiveEventProduct>().AnyAsync(p => p.EventId == id && p.ProductId == productId, cancellationToken))
        {
            return NotFeatured(productId);
        }

        var cents = Money.ToCents(request.Price!.Value)!.Value;
        var now = time.UtcNowForStorage();
        // A drop only lowers: the condition is in the UPDATE, so two racing drops both land only if each lowers.
        var lowered = await db.RetryAsync(ct => db.Set<Product>()
            .Where(p => p.Id == productId && p.PriceCents > cents)
            .ExecuteUpdateAsync(p => p
                .SetProperty(x => x.PriceCents, cents)
                .SetProperty(x => x.Version, x => x.Version + 1)
                .SetProperty(x => x.UpdatedAt, now), ct), cancellationToken);
        if (lowered == 0)
        {
            var current = await db.Set<Product>().IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == productId)
                .Select(p => new { p.PriceCents, p.Currency }).FirstAsync(cancellationToken);
            return StorefrontProblems.Conflict(
                $"A price drop must lower the price: {productId} costs {Money.FromCents(current.PriceCents)} {current.Currency} now.",
                "price_not_lowered",
                new Dictionary<string, object?> { ["price"] = Money.FromCents(current.PriceCents) });
        }

        catalog.Invalidate();
        var product = await db.Set<Product>().IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.Id == productId, cancellationToken);
        inventory.Publish(new PriceChanged(productId, Money.FromCents(product.PriceCents), product.Currency));
        return await AfterChangeAsync(id, 1, db, watcher, options, cancellationToken);
    }

    public static async Task<Results<Ok<LiveEventResponse>, ProblemHttpResult>> EndAsync(
        Guid id, ClaimsPrincipal user, StorefrontDbContext db, LiveEventWatcher watcher, TimeProvider time,
        IOptions<LiveEventsOptions> options, CancellationToken cancellationToken)
    {
        if (await FindHostedAsync(db, id, user, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.UtcNowForStorage();
        var updated = await db.RetryAsync(ct => db.Set<LiveEvent>()
            .Where(e => e.Id == id && e.Status == LiveEvent.Live)
            .ExecuteUpdateAsync(e => e
                .SetProperty(x => x.Status, LiveEvent.Ended)
                .SetProperty(x => x.EndedAt, now)
                .SetProperty(x => x.PinnedProductId, (Guid?)null)
                .SetProperty(x => x.Version, x => x.Version + 1), ct), cancellationToken);
        return (await AfterChangeAsync(id, updated, db, watcher, options, cancellationToken)).Result switch
        {
            Ok<LiveEventResponse> ok => ok,
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"Unexpected result {other}"),
        };
    }

    /// <summary>Null when <paramref name="user"/> hosts the event (or is an admin), else the problem to answer.</summary>
    private static async Task<ProblemHttpResult?> FindHostedAsync(StorefrontDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var live = await db.Set<LiveEvent>().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.HostId, e.Status }).FirstOrDefaultAsync(cancellationToken);
        if (live is null)
        {
            return LiveEventsApi.EventNotFound(id);
        }

        if (live.HostId != user.GetUserId() && !user.HasClaim(StorefrontClaims.Role, StorefrontClaims.AdminRole))
        {
            return StorefrontProblems.Forbidden("Only the event's host or an admin may change it.", "not_the_host");
        }

        return live.Status == LiveEvent.Live ? null : LiveEventsApi.EventEnded(id);
    }

    private static async Task<Results<Ok<LiveEventResponse>, ValidationProblem, ProblemHttpResult>> AfterChangeAsync(
        Guid id, int updated, StorefrontDbContext db, LiveEventWatcher watcher, IOptions<LiveEventsOptions> options, CancellationToken cancellationToken)
    {
        if (updated == 0)
        {
            // It ended between the check and the update.
            return LiveEventsApi.EventEnded(id);
        }

        watcher.Wake();
        var state = (await LiveEventReader.ReadAsync(db, id, cancellationToken))!;
        return TypedResults.Ok(state.ToResponse(options.Value.StatedDelay));
    }

    private static ProblemHttpResult NotFeatured(Guid productId) =>
        StorefrontProblems.NotFound($"Product {productId} is not featured in this event.", "product_not_featured");
}
