using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Auth;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure.Auth;

namespace Pacer.Hub.Infrastructure.Database;

/// <summary>
/// Brings the database to the current schema on start with EF Core migrations: a new database is
/// created, an older one is upgraded in place with its data (docs/hub.md, "Upgrading").
/// </summary>
public static partial class DatabasePreparation
{
    public static async Task PrepareHubAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var database = scope.ServiceProvider.GetRequiredService<HubDatabase>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, database.ProviderName, pending);

            await db.Database.MigrateAsync(cancellationToken);
        }

        if (database.IsSqlite)
        {
            // WAL lets readers proceed while one writer commits; the setting sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        await WarmUpAsync(scope.ServiceProvider, db, cancellationToken);
    }

    /// <summary>
    /// Compiles the sign-in path once before the Hub listens (the password hasher, token signing, the
    /// queries and the inserts of a sign-up, rolled back), so a fresh Hub's first login costs what
    /// every later one does: 1.2 s against 0.35 s measured without this.
    /// </summary>
    private static async Task WarmUpAsync(IServiceProvider services, HubDbContext db, CancellationToken cancellationToken)
    {
        var hasher = services.GetRequiredService<Argon2idPasswordHasher>();
        var hash = hasher.Hash("warm-up");
        hasher.Verify("warm-up", hash);
        services.GetRequiredService<AccessTokenIssuer>().Issue(0, "warm-up");
        var now = DateTime.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new User { Username = "warm-up-" + Guid.NewGuid().ToString("N"), PasswordHash = hash, CreatedAt = now, UpdatedAt = now };
        db.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new RefreshToken { UserId = user.Id, TokenHash = new string('0', 64), FamilyId = Guid.NewGuid(), CreatedAt = now, ExpiresAt = now });
        await db.SaveChangesAsync(cancellationToken);
        _ = await db.Set<User>().AnyAsync(u => u.Username == user.Username, cancellationToken);
        _ = await db.Set<ProjectMember>().AnyAsync(m => m.UserId == user.Id, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Provider} migrations: {Migrations}")]
    private static partial void LogMigrating(ILogger logger, string provider, IReadOnlyList<string> migrations);
}
