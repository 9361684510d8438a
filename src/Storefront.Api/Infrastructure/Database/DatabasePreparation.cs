using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// Creates the schema on start (EnsureCreated plus a fingerprint row, see <see cref="SchemaVersion"/>)
/// and runs every <see cref="IStorefrontSeeder"/> in order.
/// </summary>
public static partial class DatabasePreparation
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<StorefrontDbContext>();
        var database = services.GetRequiredService<StorefrontDatabase>();
        var options = services.GetRequiredService<IOptions<StorefrontOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        var time = services.GetRequiredService<TimeProvider>();

        var fingerprint = Fingerprint(db);
        try
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception error) when (!database.IsSqlite && Innermost<NpgsqlException>(error) is not null)
        {
            // Fail fast with the setting to fix, not a stack trace from the first query.
            var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            throw new InvalidOperationException(
                $"Cannot use the PostgreSQL database in ConnectionStrings:Storefront (Host={target.Host};Port={target.Port};" +
                $"Database={target.Database};Username={target.Username}): {Innermost<NpgsqlException>(error)!.Message}. Check that the server is running and " +
                "reachable and that the user may log in (and create the database, the first time).", error);
        }

        var stored = await db.Set<SchemaVersion>().AsNoTracking().OrderBy(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null && stored.Fingerprint != fingerprint)
        {
            var recreate = options.Database.RecreateOnSchemaChange ?? app.Environment.IsDevelopment();
            if (!recreate)
            {
                throw new InvalidOperationException(
                    "The database was created by a different Storefront schema. Point the app at an empty database, " +
                    "or set Storefront:Database:RecreateOnSchemaChange=true to drop and recreate it.");
            }

            LogRecreating(logger, database.ProviderName);
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
            stored = null;
        }

        if (stored is null)
        {
            db.Set<SchemaVersion>().Add(new SchemaVersion { Id = 1, Fingerprint = fingerprint, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!database.IsSqlite)
        {
            await WarmPoolAsync(database.ConnectionString, cancellationToken);
        }

        if (database.IsSqlite)
        {
            // WAL lets readers proceed while one writer commits; the setting sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        foreach (var seeder in services.GetServices<IStorefrontSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Opens the pool's minimum at once, so the first requests under load never wait for a backend to start.</summary>
    private static async Task WarmPoolAsync(string connectionString, CancellationToken cancellationToken)
    {
        var size = new NpgsqlConnectionStringBuilder(connectionString).MinPoolSize;
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < size; i++)
            {
                var connection = new NpgsqlConnection(connectionString);
                connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static T? Innermost<T>(Exception? error)
        where T : Exception
    {
        T? found = null;
        for (; error is not null; error = error.InnerException)
        {
            found = error as T ?? found;
        }

        return found;
    }

    private static string Fingerprint(StorefrontDbContext db)
    {
        var script = db.Database.GenerateCreateScript();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Provider} database schema changed since it was created; recreating it.")]
    private static partial void LogRecreating(ILogger logger, string provider);
}
