using Storefront.Api.Infrastructure.PasswordHashing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Users;

/// <summary>
/// First start: the admin <c>admin@storefront.local</c> (password from Storefront:Admin:Password; Development
/// falls back to <see cref="DevelopmentAdminPassword"/>) and demo shoppers alice, bob and carol
/// <c>@storefront.local</c> whose password is Storefront:Admin:ShopperPassword (default "shopper-pass-1").
/// </summary>
public sealed partial class UserSeeder(
    IOptions<StorefrontOptions> options,
    IHostEnvironment environment,
    Passwords passwords,
    TimeProvider time,
    ILogger<UserSeeder> logger) : IStorefrontSeeder
{
    public const string AdminEmail = "admin@storefront.local";
    public const string AdminUsername = "admin";
    public const string DevelopmentAdminPassword = "admin-dev-password";
    public static readonly string[] ShopperUsernames = ["alice", "bob", "carol"];

    public int Order => 0;

    public async Task SeedAsync(StorefrontDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<User>().AnyAsync(cancellationToken))
        {
            return;
        }

        var adminPassword = ResolveAdminPassword(options.Value.Admin, environment);
        if (string.IsNullOrEmpty(options.Value.Admin.Password))
        {
            LogDefaultAdminPassword(logger, AdminEmail, DevelopmentAdminPassword);
        }

        db.Set<User>().Add(await CreateAsync(AdminEmail, AdminUsername, "Storefront Admin", StorefrontClaims.AdminRole, adminPassword));
        foreach (var name in ShopperUsernames)
        {
            var fullName = char.ToUpperInvariant(name[0]) + name[1..] + " Shopper";
            db.Set<User>().Add(await CreateAsync($"{name}@storefront.local", name, fullName, StorefrontClaims.ShopperRole, options.Value.Admin.ShopperPassword));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only Development may run without a configured admin password; start-up checks call this too.</summary>
    public static string ResolveAdminPassword(AdminSeedOptions admin, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(admin.Password))
        {
            return admin.Password.Length >= UserRules.MinPasswordLength
                ? admin.Password
                : throw new InvalidOperationException($"Storefront:Admin:Password must be at least {UserRules.MinPasswordLength} characters.");
        }

        return environment.IsDevelopment()
            ? DevelopmentAdminPassword
            : throw new InvalidOperationException(
                "Storefront:Admin:Password is required outside Development (e.g. the environment variable Storefront__Admin__Password).");
    }

    private async Task<User> CreateAsync(string email, string username, string fullName, string role, string password)
    {
        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            NormalizedEmail = User.Normalize(email),
            Username = username,
            NormalizedUsername = User.Normalize(username),
            FullName = fullName,
            Role = role,
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = await passwords.HashAsync(user, password);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Storefront:Admin:Password is not set; seeding {AdminEmail} with the Development default password '{Password}'. Never use it outside Development.")]
    private static partial void LogDefaultAdminPassword(ILogger logger, string adminEmail, string password);
}
