using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Users;

/// <summary>Sign-up and password checks, shared by the API and the dashboard's sign-in form.</summary>
public sealed partial class UserAccounts(HubDbContext db, Argon2idPasswordHasher hasher, IOptions<HubOptions> options, TimeProvider time)
{
    // Verifying against this when the user is unknown makes a wrong username cost as much as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new Argon2idPasswordHasher().Hash("not-a-password"));

    public async Task<SignInOutcome> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Username == username, cancellationToken);
        if (user is null)
        {
            if (options.Value.Auth.AutoSignUp)
            {
                var created = await RegisterAsync(username, password, null, null, cancellationToken);
                return created.Error is null ? new SignInOutcome(created.User, SignedUp: true, null) : new SignInOutcome(null, false, created.Error, created.Field);
            }

            hasher.Verify(password, DummyHash.Value);
            return new SignInOutcome(null, false, "wrong username or password");
        }

        if (!hasher.Verify(password, user.PasswordHash))
        {
            return new SignInOutcome(null, false, "wrong username or password");
        }

        if (Argon2idPasswordHasher.NeedsRehash(user.PasswordHash))
        {
            user.PasswordHash = hasher.Hash(password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SignInOutcome(user, false, null);
    }

    public async Task<(User? User, string? Error, string? Field)> RegisterAsync(string? username, string? password, string? email, string? displayName, CancellationToken cancellationToken)
    {
        if (ValidateUsername(username) is { } usernameError)
        {
            return (null, usernameError, "username");
        }

        if (ValidatePassword(password) is { } passwordError)
        {
            return (null, passwordError, "password");
        }

        if (await db.Set<User>().AnyAsync(u => u.Username == username, cancellationToken))
        {
            return (null, "that username is taken", "username");
        }

        var now = time.UtcNowForStorage();
        var user = new User { Username = username!, PasswordHash = hasher.Hash(password!), Email = email, DisplayName = displayName, CreatedAt = now, UpdatedAt = now };
        db.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups of one name at once: the unique index decides.
            db.Entry(user).State = EntityState.Detached;
            return (null, "that username is taken", "username");
        }

        return (user, null, null);
    }

    public string? ValidatePassword(string? password)
    {
        var minimum = options.Value.Auth.MinimumPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < minimum)
        {
            return $"must be at least {minimum} characters";
        }

        return password.Length > 256 ? "must be at most 256 characters" : null;
    }

    public static string? ValidateUsername(string? username) =>
        username is null || !UsernamePattern().IsMatch(username)
            ? "3-64 characters: letters, digits, '.', '_', '-', '@'"
            : null;

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UsernamePattern();
}

/// <summary>Who signed in (and whether they were just signed up), or why not; <see cref="Field"/> names the input at fault when sign-up refused it.</summary>
public sealed record SignInOutcome(User? User, bool SignedUp, string? Error, string? Field = null);
