using Storefront.Api.Features.Admin;
using Storefront.Api.Features.Auth;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Experiments;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.LiveEvents;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Storefront.Api.Features.Personalisation;
using Storefront.Api.Features.Recommendations;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api;

/// <summary>
/// Composes Storefront: the platform, then every feature. <c>Program</c> runs it as a service;
/// Pacer embeds it (<c>pacer demo</c>) through the same method, so the two can never differ.
/// </summary>
public static class StorefrontApp
{
    /// <param name="args">Command-line arguments; configuration keys work too (<c>--Storefront:DataDirectory=/tmp/x</c>).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Embedded in another program the entry assembly is not Storefront's; keep its own name.
            ApplicationName = typeof(StorefrontApp).Assembly.GetName().Name,
        });

        // Platform: database, auth, problem+json, request ids, limits, metrics, OpenAPI, health.
        builder.AddStorefrontPlatform();

        builder.Services.AddAuthFeature();
        builder.Services.AddUsersFeature();
        builder.Services.AddAdminFeature();
        builder.Services.AddCatalogFeature();
        builder.Services.AddInventoryFeature();
        builder.Services.AddOrdersFeature();
        builder.Services.AddPaymentsFeature();
        builder.Services.AddLiveEventsFeature();
        builder.Services.AddPersonalisationFeature();
        builder.Services.AddRecommendationsFeature();
        builder.Services.AddExperimentsFeature();

        var app = builder.Build();

        app.UseStorefrontPlatform();
        // Live events' reactions are a WebSocket; the stream endpoints stay exempt from the overload bound (LongLivedResponse).
        app.UseWebSockets();
        app.UseExperimentConversions();

        // Every request body is checked against the rules its type declares (and the document states) first.
        var api = app.MapGroup("/api/v1").AddEndpointFilter<RequestRulesFilter>();
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapAdminApi();
        api.MapCatalogApi();
        api.MapInventoryApi();
        api.MapOrdersApi();
        api.MapPaymentsApi();
        api.MapLiveEventsApi();
        api.MapRecommendationsApi();
        api.MapExperimentsApi();

        return app;
    }
}
