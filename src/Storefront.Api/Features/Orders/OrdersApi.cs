namespace Storefront.Api.Features.Orders;

public static class OrdersApi
{
    public static IServiceCollection AddOrdersFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api) => api;
}
