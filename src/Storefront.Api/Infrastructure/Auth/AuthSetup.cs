using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// Bearer authentication (Microsoft's JwtBearer handler, validating with <see cref="AccessTokenIssuer"/>'s
/// rules: HS256 only, so alg:none and key confusion are refused; issuer, audience, lifetime) and the "admin" policy.
/// </summary>
public static class AuthSetup
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    public static IServiceCollection AddStorefrontAuth(this IServiceCollection services, JwtSigningKey signingKey)
    {
        services.AddSingleton(signingKey);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<DeactivatedAccounts>();
        services.AddScoped<BearerEvents>();
        services.AddAuthentication(SchemeName).AddJwtBearer(SchemeName, options =>
        {
            options.MapInboundClaims = false;
            options.EventsType = typeof(BearerEvents);
            // Tokens are minted here: there is no authority to fetch metadata from.
            options.RequireHttpsMetadata = false;
        });
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, ValidationFromIssuer>();
        services.AddAuthorizationBuilder()
            .AddPolicy(StorefrontClaims.AdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StorefrontClaims.Role, StorefrontClaims.AdminRole));
        return services;
    }

    /// <summary>The validation rules come from the issuer, so minting and checking can never disagree.</summary>
    private sealed class ValidationFromIssuer(AccessTokenIssuer issuer) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options) =>
            options.TokenValidationParameters = issuer.ValidationParameters();
    }
}
