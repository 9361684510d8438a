using Storefront.Api.Infrastructure.PasswordHashing;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Users;

/// <summary>Creates accounts and changes emails while keeping email and username unique (409 otherwise).</summary>
public sealed class UserAccounts(StorefrontDbContext db, Passwords passwords, TimeProvider time)
{
    public sealed record Outcome(User? User, string? ConflictDetail = null, string? ConflictCode = null);

    public async Task<Outcome> CreateAsync(string email, string username, string password, string? fullName, CancellationToken cancellationToken)
    {
        var normalizedEmail = User.Normalize(email);
        var normalizedUsername = User.Normalize(username);
        if (await ConflictAsync(normalizedEmail, normalizedUsername, exceptUserId: null, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email.Trim(),
            NormalizedEmail = normalizedEmail,
            Username = username.Trim(),
            NormalizedUsername = normalizedUsername,
            FullName = string.IsNullOrWhiteSpace(fullName) ? null : fullName.Trim(),
            Role = StorefrontClaims.ShopperRole,
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = await passwords.HashAsync(user, password);
        db.Set<User>().Add(user);
        return await SaveAsync(user, cancellationToken);
    }

    public async Task<Outcome> ChangeEmailAsync(User user, string email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        if (normalized != user.NormalizedEmail
            && await ConflictAsync(normalized, null, user.Id, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        user.Email = email.Trim();
        user.NormalizedEmail = normalized;
        return new Outcome(user);
    }

    /// <summary>Saves, turning a unique-index race (two registrations at once) into the same 409.</summary>
    public async Task<Outcome> SaveAsync(User user, CancellationToken cancellationToken)
    {
        try
        {
            user.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(user);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(user).State = EntityState.Detached;
            return new Outcome(null, "An account with this email or username already exists.", "account_exists");
        }
    }

    private async Task<Outcome?> ConflictAsync(string normalizedEmail, string? normalizedUsername, Guid? exceptUserId, CancellationToken cancellationToken)
    {
        var users = db.Set<User>().Where(u => exceptUserId == null || u.Id != exceptUserId);
        if (await users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return new Outcome(null, "An account with this email already exists.", "email_taken");
        }

        if (normalizedUsername is not null && await users.AnyAsync(u => u.NormalizedUsername == normalizedUsername, cancellationToken))
        {
            return new Outcome(null, "This username is already taken.", "username_taken");
        }

        return null;
    }
}
