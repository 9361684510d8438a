using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Auth;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.PasswordHashing;

namespace Storefront.Api.Features.Users;

/// <summary>/users/me: the signed-in user's own profile and password.</summary>
public static class UsersApi
{
    public static IServiceCollection AddUsersFeature(this IServiceCollection services)
    {
        services.AddScoped<IStorefrontSeeder, UserSeeder>();
        return services;
    }

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/users/me").WithTags("Users").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("", GetAsync).WithName("GetCurrentUser");
        me.MapPut("", UpdateAsync).WithName("UpdateCurrentUser").ProducesProblem(StatusCodes.Status409Conflict);
        me.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").RequirePasswordHashingSlot();
        return api;
    }

    // "Who am I" runs on every page of a signed-in shopper: a compiled, untracked read skips EF's
    // expression-tree cache lookup and the change tracker.
    private static readonly Func<StorefrontDbContext, Guid, CancellationToken, Task<User?>> FindActiveUntracked =
        EF.CompileAsyncQuery((StorefrontDbContext db, Guid id, CancellationToken _) =>
            db.Set<User>().AsNoTracking().FirstOrDefault(u => u.Id == id && u.IsActive));

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal principal, StorefrontDbContext db, CancellationToken cancellationToken) =>
        await FindActiveUntracked(db, principal.GetUserId(), cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : Gone();

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateProfileRequest request, ClaimsPrincipal principal, StorefrontDbContext db, UserAccounts accounts,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().FullName("fullName", request.FullName);
        if (request.Email is not null)
        {
            errors.Email("email", request.Email);
        }

        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        if (await FindAsync(principal, db, cancellationToken) is not { } user)
        {
            return Gone();
        }

        if (request.FullName is not null)
        {
            user.FullName = string.IsNullOrWhiteSpace(request.FullName) ? null : request.FullName.Trim();
        }

        if (request.Email is not null
            && await accounts.ChangeEmailAsync(user, request.Email, cancellationToken) is { User: null } conflict)
        {
            return StorefrontProblems.Conflict(conflict.ConflictDetail!, conflict.ConflictCode!);
        }

        var saved = await accounts.SaveAsync(user, cancellationToken);
        return saved.User is null
            ? StorefrontProblems.Conflict(saved.ConflictDetail!, saved.ConflictCode!)
            : TypedResults.Ok(UserResponse.From(user));
    }

    /// <summary>Changing the password ends every other session: all refresh tokens are revoked.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal principal, StorefrontDbContext db, Passwords passwords,
        SessionTokens sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Require("currentPassword", request.CurrentPassword, UserRules.MaxPasswordLength)
            .Password("newPassword", request.NewPassword);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        if (await FindAsync(principal, db, cancellationToken) is not { } user)
        {
            return Gone();
        }

        if (await passwords.VerifyAsync(user, request.CurrentPassword!) == PasswordVerificationResult.Failed)
        {
            return StorefrontProblems.Validation(
                new ValidationErrors().Add("currentPassword", "is incorrect.").ToDictionary(), "The current password is incorrect.");
        }

        user.PasswordHash = await passwords.HashAsync(user, request.NewPassword!);
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllForUserAsync(user.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<User?> FindAsync(ClaimsPrincipal principal, StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var id = principal.GetUserId();
        return db.Set<User>().FirstOrDefaultAsync(u => u.Id == id && u.IsActive, cancellationToken);
    }

    // A valid token for an account that was deleted or deactivated since it was issued.
    private static ProblemHttpResult Gone() =>
        StorefrontProblems.NotFound("The account for this token no longer exists or is inactive.", "account_not_found");
}

/// <summary>A partial update: a property left out (or null) keeps its value; an empty fullName clears it.</summary>
public sealed record UpdateProfileRequest(
    [property: StringLength(UserRules.MaxFullNameLength, ErrorMessage = "must be at most {1} characters.")]
    string? FullName = null,
    [property: StringLength(UserRules.MaxEmailLength, ErrorMessage = "must be at most {1} characters."),
        RegularExpression(UserRules.EmailPattern, ErrorMessage = "must be a valid email address.")]
    string? Email = null);

public sealed record ChangePasswordRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(UserRules.MaxPasswordLength, ErrorMessage = "must be at most {1} characters.")]
    string? CurrentPassword,
    [property: Required(ErrorMessage = "is required."),
        StringLength(UserRules.MaxPasswordLength, MinimumLength = UserRules.MinPasswordLength, ErrorMessage = "must be {2}-{1} characters.")]
    string? NewPassword);
