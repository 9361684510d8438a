namespace Storefront.Api.Features.Admin;

/// <summary>Placeholder until the Admin feature lands: registers and maps nothing.</summary>
public static class AdminApi
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api) => api;
}
