using Microsoft.AspNetCore.Http.HttpResults;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Api;

namespace Pacer.Hub.Features.Auth;

/// <summary><c>POST /register</c>, <c>/login</c>, <c>/refresh</c>, <c>/logout</c>: sign-up and sessions (kest's platform routes).</summary>
public static class AuthApi
{
    public static IServiceCollection AddAuthFeature(this IServiceCollection services) =>
        services.AddScoped<UserAccounts>().AddScoped<SessionTokens>();

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/register", RegisterAsync).RequireRateLimiting(HubRateLimits.Login).AllowAnonymous();
        api.MapPost("/login", LoginAsync).RequireRateLimiting(HubRateLimits.Login).AllowAnonymous();
        api.MapPost("/refresh", RefreshAsync).RequireRateLimiting(HubRateLimits.Login).AllowAnonymous();
        api.MapPost("/logout", LogoutAsync).AllowAnonymous();
        return api;
    }

    public sealed record RegisterRequest(string? Username, string? Password, string? Email, string? DisplayName);

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    private static async Task<IResult> RegisterAsync(RegisterRequest request, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var (user, error, field) = await accounts.RegisterAsync(request.Username, request.Password, request.Email, request.DisplayName, cancellationToken);
        if (user is null)
        {
            return error == "that username is taken" ? ApiResults.Conflict(error) : ApiResults.Invalid(field!, error!);
        }

        return ApiResults.Created(UsersApi.ProfileOf(user), "registered");
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, UserAccounts accounts, SessionTokens sessions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiResults.Invalid("username", "username and password are required");
        }

        var outcome = await accounts.SignInAsync(request.Username, request.Password, cancellationToken);
        if (outcome.User is null)
        {
            return outcome.Error == "wrong username or password"
                ? ApiResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", outcome.Error)
                : ApiResults.Invalid(outcome.Field ?? "password", outcome.Error!);
        }

        var pair = await sessions.IssueAsync(outcome.User, null, cancellationToken);
        return ApiResults.Ok(pair, outcome.SignedUp ? "signed up and logged in" : "logged in");
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, SessionTokens sessions, CancellationToken cancellationToken)
    {
        var pair = string.IsNullOrEmpty(request.RefreshToken) ? null : await sessions.RefreshAsync(request.RefreshToken, cancellationToken);
        return pair is null
            ? ApiResults.Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "The refresh token is unknown, expired, used or revoked; log in again.")
            : ApiResults.Ok(pair, "refreshed");
    }

    private static async Task<IResult> LogoutAsync(RefreshRequest request, SessionTokens sessions, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.RefreshToken))
        {
            await sessions.RevokeAsync(request.RefreshToken, cancellationToken);
        }

        return ApiResults.Done("logged out");
    }
}
