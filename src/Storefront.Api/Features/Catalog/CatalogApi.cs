namespace Storefront.Api.Features.Catalog;

/// <summary>Placeholder until the Catalog feature lands: registers and maps nothing.</summary>
public static class CatalogApi
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api) => api;
}
