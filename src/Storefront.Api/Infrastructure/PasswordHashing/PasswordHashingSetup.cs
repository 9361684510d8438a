using Microsoft.AspNetCore.Identity;
using Storefront.Api.Features.Users;

namespace Storefront.Api.Infrastructure.PasswordHashing;

public static class PasswordHashingSetup
{
    public static IServiceCollection AddStorefrontPasswordHashing(this IServiceCollection services)
    {
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section);
        services.AddSingleton<IPasswordHasher<User>, Argon2idPasswordHasher>();
        services.AddSingleton<PasswordHashingThreads>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<PasswordHashingFilter>();
        return services;
    }

    /// <summary>For endpoints that hash or verify a password: bounded by the <see cref="PasswordHashingGate"/>.</summary>
    public static RouteHandlerBuilder RequirePasswordHashingSlot(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<PasswordHashingFilter>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
