using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Mail;
using Storefront.Api.Infrastructure.RateLimiting;
using Storefront.Api.Infrastructure.PasswordHashing;

namespace Storefront.Api.Features.Auth;

/// <summary>/auth: register, login, refresh rotation, logout, and password reset (see <see cref="PasswordResetEndpoints"/>).</summary>
public static class AuthApi
{
    public static IServiceCollection AddAuthFeature(this IServiceCollection services)
    {
        services.AddScoped<SessionTokens>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<UserAccounts>();
        return services;
    }

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync).WithName("Register")
            .RequireRateLimiting(StorefrontRateLimits.Auth).RequirePasswordHashingSlot().ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/login", LoginAsync).WithName("Login")
            .RequireRateLimiting(StorefrontRateLimits.Login)
            .RequirePasswordHashingSlot()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        auth.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .RequireRateLimiting(StorefrontRateLimits.Auth).ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout").RequireRateLimiting(StorefrontRateLimits.Auth);
        auth.MapPasswordResetEndpoints();
        return api;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, UserAccounts accounts, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Email("email", request.Email)
            .Username("username", request.Username)
            .Password("password", request.Password)
            .FullName("fullName", request.FullName);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        var result = await accounts.CreateAsync(request.Email!, request.Username!, request.Password!, request.FullName, cancellationToken);
        return result.User is { } user
            ? TypedResults.Created($"/api/v1/admin/users/{user.Id}", UserResponse.From(user))
            : StorefrontProblems.Conflict(result.ConflictDetail!, result.ConflictCode!);
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, StorefrontDbContext db, Passwords passwords, SessionTokens tokens,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require("login", request.Login, UserRules.MaxEmailLength)
            .Require("password", request.Password, UserRules.MaxPasswordLength);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        var login = User.Normalize(request.Login!);
        var user = await db.Set<User>()
            .FirstOrDefaultAsync(u => u.NormalizedEmail == login || u.NormalizedUsername == login, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown login takes as long as a wrong password.
            await passwords.HashForNobodyAsync(request.Password!);
            return InvalidCredentials();
        }

        var verification = await passwords.VerifyAsync(user, request.Password!);
        if (verification == PasswordVerificationResult.Failed)
        {
            return InvalidCredentials();
        }

        if (!user.IsActive)
        {
            return StorefrontProblems.Forbidden("This account has been deactivated.", "account_inactive");
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // An older format or cost (PBKDF2, or other Argon2id parameters): upgraded now, saved with the new session.
            user.PasswordHash = await passwords.HashAsync(user, request.Password!);
        }

        return TypedResults.Ok(await tokens.IssueAsync(user, familyId: null, cancellationToken));
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SessionTokens tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Require("refreshToken", request.RefreshToken, SecretTokens.MaxLength);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        return await tokens.RotateAsync(request.RefreshToken!, cancellationToken) is { } pair
            ? TypedResults.Ok(pair)
            : StorefrontProblems.Unauthorized("The refresh token is invalid, expired or revoked.", "invalid_refresh_token");
    }

    private static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(
        RefreshRequest request, SessionTokens tokens, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Require("refreshToken", request.RefreshToken, SecretTokens.MaxLength);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        await tokens.RevokeSessionAsync(request.RefreshToken!, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidCredentials() =>
        StorefrontProblems.Unauthorized("The login or password is incorrect.", "invalid_credentials");
}
