namespace Storefront.Api.Features.Inventory;

/// <summary>Placeholder until the Inventory feature lands: registers and maps nothing.</summary>
public static class InventoryApi
{
    public static IServiceCollection AddInventoryFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapInventoryApi(this RouteGroupBuilder api) => api;
}
