using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>Recognises provider errors that deserve a 409 rather than a 500, on SQLite and PostgreSQL alike.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
