namespace Storefront.Api.Features.Payments;

/// <summary>Placeholder until the Payments feature lands: registers and maps nothing.</summary>
public static class PaymentsApi
{
    public static IServiceCollection AddPaymentsFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api) => api;
}
