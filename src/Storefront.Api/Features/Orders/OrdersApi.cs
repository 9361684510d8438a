namespace Storefront.Api.Features.Orders;

/// <summary>Placeholder until the Orders feature lands: registers and maps nothing.</summary>
public static class OrdersApi
{
    public static IServiceCollection AddOrdersFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api) => api;
}
