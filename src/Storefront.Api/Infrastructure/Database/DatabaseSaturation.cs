using Microsoft.Data.Sqlite;
using Npgsql;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// Recognises "the database is too busy right now" once retries are spent: SQLite still busy or locked
/// after its busy timeout, PostgreSQL's pool exhausted (no connection within the pool's timeout) or the
/// server refusing more clients. Under overload these are the server's capacity talking, not a bug,
/// so they are answered with 503 and Retry-After rather than 500.
/// </summary>
public static class DatabaseSaturation
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsSaturated(Exception? error) => error switch
    {
        null => false,
        SqliteException e => e.SqliteErrorCode is SqliteBusy or SqliteLocked,
        PostgresException e => e.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException e when e.InnerException is TimeoutException => true,
        _ => IsSaturated(error.InnerException),
    };
}
