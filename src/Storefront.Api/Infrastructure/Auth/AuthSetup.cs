using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Storefront.Api.Features.Users;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>Bearer authentication, the "admin" policy, and the password hasher.</summary>
public static class AuthSetup
{
    public static IServiceCollection AddStorefrontAuth(this IServiceCollection services, JwtSigningKey signingKey)
    {
        services.AddSingleton(signingKey);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<DeactivatedAccounts>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddAuthentication(JwtAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, JwtAuthenticationHandler>(JwtAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StorefrontClaims.AdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StorefrontClaims.Role, StorefrontClaims.AdminRole));
        return services;
    }
}
