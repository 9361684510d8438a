using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// Makes concurrent SQLite writers wait for each other instead of failing with "database is locked",
/// and enforces foreign keys. Both pragmas belong to the native connection, which Microsoft.Data.Sqlite
/// pools, so they run once per native handle rather than on every logical open (EF opens per query).
/// WAL itself is persistent per file and is switched on once in <see cref="DatabasePreparation"/>.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    // Keyed by the native handle: an entry disappears with the handle when the pool finally closes it.
    private readonly ConditionalWeakTable<object, object> _prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this native connection is seen (and marks it seen).</summary>
    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _prepared.TryAdd(handle, handle);
}
