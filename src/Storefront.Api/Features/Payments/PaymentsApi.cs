namespace Storefront.Api.Features.Payments;

public static class PaymentsApi
{
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api) => api;
}
