using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Personalisation;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Recommendations;

/// <summary>
/// <c>GET /products/{id}/recommendations</c>: bought together, trending now and similar items, each with social proof.
/// Computed from the orders at most <see cref="RecommendationsOptions.Freshness"/> ago (cached per product, per
/// instance, bounded), personalised like the catalog (prices in the shopper's currency).
/// </summary>
public static class RecommendationsApi
{
    public static IServiceCollection AddRecommendationsFeature(this IServiceCollection services)
    {
        services.AddOptions<RecommendationsOptions>().BindConfiguration(RecommendationsOptions.Section);
        services.AddSingleton<ViewerPresence>();
        services.AddKeyedSingleton<IMemoryCache>(nameof(RecommendationsApi), (_, _) => new MemoryCache(new MemoryCacheOptions { SizeLimit = 10_000 }));
        return services;
    }

    public static RouteGroupBuilder MapRecommendationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{id:guid}/recommendations", GetAsync)
            .WithTags("Recommendations")
            .WithName("GetRecommendations")
            .WithSummary("Bought together, trending now (last 24 h) and similar items, each with units sold in the last 24 h and people viewing now.")
            .Personalised()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Counts the caller as viewing the product (on its detail page) for "people viewing now".</summary>
    public static RouteHandlerBuilder CountsViewers(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw as string, out var id))
            {
                var viewer = http.User.FindFirstValue(StorefrontClaims.UserId)
                    ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                http.RequestServices.GetRequiredService<ViewerPresence>().Saw(id, viewer);
            }

            return await next(context);
        });

    public static async Task<Results<Ok<RecommendationsResponse>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpContext context,
        StorefrontDbContext db,
        [FromKeyedServices(nameof(RecommendationsApi))] IMemoryCache cache,
        ViewerPresence presence,
        IOptions<RecommendationsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var maxAge = (int)settings.Freshness.TotalSeconds;
        if (!cache.TryGetValue(id, out RecommendationsResponse? response))
        {
            response = await RecommendationReader.ReadAsync(db, id, settings.Limit, presence, time.UtcNowForStorage(), maxAge, cancellationToken);
            if (response is null)
            {
                return CatalogApi.ProductNotFound(id);
            }

            cache.Set(id, response, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = settings.Freshness });
        }

        context.Response.Headers.CacheControl = $"public, max-age={maxAge}";
        return TypedResults.Ok(response!);
    }
}
