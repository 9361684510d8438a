using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>
/// Three ways in: the API takes a user's JWT access token or a project's API token (<c>pch_…</c>),
/// both as <c>Authorization: Bearer</c>; the dashboard signs people in with a cookie. API endpoints
/// never accept the cookie, so a page cannot be tricked into calling the API (no CSRF on the API).
/// </summary>
public static class AuthSetup
{
    public const string ApiScheme = "HubApi";
    public const string ApiPolicy = "api";
    public const string WebScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string WebPolicy = "web";

    public static IServiceCollection AddHubAuth(this IServiceCollection services, HubSigningKey signingKey, HubAuthOptions auth)
    {
        services.AddSingleton(signingKey);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<Argon2idPasswordHasher>();
        services.AddAuthentication(ApiScheme)
            .AddPolicyScheme(ApiScheme, "JWT or API token", o => o.ForwardDefaultSelector = http =>
                ApiTokenAuthenticationHandler.BearerSecret(http.Request)?.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal) == true
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = AccessTokenIssuer.ValidationParameters(signingKey, auth);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(WebScheme, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "pacer_hub";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser())
            .AddPolicy(WebPolicy, p => p.AddAuthenticationSchemes(WebScheme).RequireAuthenticatedUser());
        return services;
    }
}
