using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Users;

/// <summary><c>GET/PUT /users/profile</c>: the signed-in user.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/users/profile", GetProfileAsync);
        api.MapPut("/users/profile", UpdateProfileAsync);
        return api;
    }

    public sealed record Profile(long Id, string Username, string? DisplayName, string? Email, DateTime CreatedAt);

    public sealed record ProfileUpdate(string? DisplayName, string? Email, string? Password, string? CurrentPassword);

    public static Profile ProfileOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Profile(user.Id, user.Username, user.DisplayName, user.Email, user.CreatedAt);
    }

    private static async Task<IResult> GetProfileAsync(ClaimsPrincipal principal, HubDbContext db, CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(principal, db, cancellationToken);
        return user is null ? NotAUser() : ApiResults.Ok(ProfileOf(user));
    }

    private static async Task<IResult> UpdateProfileAsync(ProfileUpdate update, ClaimsPrincipal principal, HubDbContext db, UserAccounts accounts,
        Argon2idPasswordHasher hasher, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await CurrentAsync(principal, db, cancellationToken);
        if (user is null)
        {
            return NotAUser();
        }

        if (update.Password is not null)
        {
            if (update.CurrentPassword is null || !hasher.Verify(update.CurrentPassword, user.PasswordHash))
            {
                return ApiResults.Invalid("current_password", "the current password is needed to set a new one");
            }

            if (accounts.ValidatePassword(update.Password) is { } error)
            {
                return ApiResults.Invalid("password", error);
            }

            user.PasswordHash = hasher.Hash(update.Password);
        }

        user.DisplayName = update.DisplayName ?? user.DisplayName;
        user.Email = update.Email ?? user.Email;
        user.UpdatedAt = time.UtcNowForStorage();
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(ProfileOf(user), "updated");
    }

    private static async Task<User?> CurrentAsync(ClaimsPrincipal principal, HubDbContext db, CancellationToken cancellationToken) =>
        principal.UserIdOf() is { } id ? await db.Set<User>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ApiEnvelope<object>> NotAUser() =>
        ApiResults.Forbidden("Only a signed-in user has a profile; API tokens act for a project.");
}
