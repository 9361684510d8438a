using Storefront.Api.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Storefront.Api.Features.Inventory;

/// <summary>
/// Recognises the database errors that mean "try again" (SQLite busy/locked, PostgreSQL
/// serialization failure or deadlock) and "someone else inserted that key first".
/// </summary>
public static class TransientDatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    public static bool IsTransient(Exception? error) => error switch
    {
        null => false,
        SqliteException e => e.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException e => e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => IsTransient(error.InnerException),
    };

    public static bool IsUniqueViolation(Exception? error) => error switch
    {
        null => false,
        SqliteException e => e.SqliteErrorCode == SqliteConstraint && e.Message.Contains("UNIQUE", StringComparison.Ordinal),
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => IsUniqueViolation(error.InnerException),
    };

    /// <summary>
    /// Runs <paramref name="attempt"/> again (a bounded number of times, with jittered backoff)
    /// when it fails transiently. The attempt must be self-contained: its own transaction,
    /// and a cleared change tracker. It runs inside the provider's execution strategy, so
    /// user transactions stay legal even if a retrying strategy is configured.
    /// </summary>
    public static async Task<T> RetryAsync<T>(
        this DbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken, int maxAttempts = 8)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await SqliteWriteQueue.RunAsync(db, () => strategy.ExecuteAsync(() => attempt(cancellationToken)), cancellationToken);
            }
            catch (Exception error) when (tried < maxAttempts && IsTransient(error))
            {
                var backoff = TimeSpan.FromMilliseconds((10 << Math.Min(tried, 6)) + Random.Shared.Next(0, 25));
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }
}
