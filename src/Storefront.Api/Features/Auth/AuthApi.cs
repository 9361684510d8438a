namespace Storefront.Api.Features.Auth;

/// <summary>Placeholder until the Auth feature lands: registers and maps nothing.</summary>
public static class AuthApi
{
    public static IServiceCollection AddAuthFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api) => api;
}
