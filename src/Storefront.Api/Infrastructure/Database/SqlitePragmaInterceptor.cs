using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>
/// Makes concurrent SQLite writers wait for each other instead of failing with "database is locked".
/// WAL itself is persistent per file and is switched on once in <see cref="DatabasePreparation"/>.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
