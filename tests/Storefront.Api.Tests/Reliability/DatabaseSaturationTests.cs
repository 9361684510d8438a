using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Storefront.Api.Infrastructure.Database;
using Xunit;

namespace Storefront.Api.Tests.Reliability;

/// <summary>Which database errors mean "at capacity" (answered 503 database_busy with Retry-After) rather than a bug (500).</summary>
public sealed class DatabaseSaturationTests
{
    public static TheoryData<string, bool> Errors() => new()
    {
        { "sqlite busy", true },
        { "sqlite locked", true },
        { "sqlite busy inside an EF update exception", true },
        { "postgres pool exhausted", true },
        { "postgres too many connections", true },
        { "postgres cannot connect now", true },
        { "sqlite constraint", false },
        { "postgres unique violation", false },
        { "postgres syntax error", false },
        { "plain invalid operation", false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Saturation_is_recognised_by_provider_error_and_nothing_else_is(string error, bool saturated) =>
        Assert.Equal(saturated, DatabaseSaturation.IsSaturated(Make(error)));

    private static Exception Make(string error) => error switch
    {
        "sqlite busy" => new SqliteException("database is locked", 5),
        "sqlite locked" => new SqliteException("database table is locked", 6),
        "sqlite busy inside an EF update exception" => new DbUpdateException("save failed", new SqliteException("database is locked", 5)),
        "postgres pool exhausted" => new NpgsqlException("The connection pool has been exhausted", new TimeoutException()),
        "postgres too many connections" => new PostgresException("too many clients", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections),
        "postgres cannot connect now" => new PostgresException("starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow),
        "sqlite constraint" => new SqliteException("UNIQUE constraint failed", 19),
        "postgres unique violation" => new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation),
        "postgres syntax error" => new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError),
        _ => new InvalidOperationException("a bug"),
    };
}
