using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.PasswordHashing;

public static class PasswordHashingSetup
{
    public static IServiceCollection AddStorefrontPasswordHashing(this IServiceCollection services)
    {
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section);
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<PasswordHashingFilter>();
        services.AddSingleton<IConfigureOptions<PasswordHasherOptions>>(sp => new ConfigureOptions<PasswordHasherOptions>(hasher =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hasher.IterationCount = Math.Max(1, sp.GetRequiredService<IOptions<PasswordHashingOptions>>().Value.Iterations);
        }));
        return services;
    }

    /// <summary>For endpoints that hash or verify a password: bounded by the <see cref="PasswordHashingGate"/>.</summary>
    public static RouteHandlerBuilder RequirePasswordHashingSlot(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<PasswordHashingFilter>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
