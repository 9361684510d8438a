namespace Storefront.Api.Features.Users;

/// <summary>Placeholder until the Users feature lands: registers and maps nothing.</summary>
public static class UsersApi
{
    public static IServiceCollection AddUsersFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api) => api;
}
