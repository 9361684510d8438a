using Npgsql;

namespace Pacer.TestSupport;

/// <summary>
/// A fresh, uniquely named PostgreSQL database on the server an environment variable points at (the
/// application under test creates it on start); dropping it removes it whatever connections are
/// still open. CI sets the variable from scripts/postgres.sh.
/// </summary>
public sealed class PostgresTestDatabase
{
    private readonly string _adminConnection;

    private PostgresTestDatabase(string adminConnection, string name, string connectionString)
    {
        _adminConnection = adminConnection;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The connection string for the application under test.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Null when <paramref name="variable"/> is not set (the tests then run on SQLite).
    /// <paramref name="prefix"/> starts the database's name, so a leftover says whose it was.
    /// </summary>
    public static PostgresTestDatabase? FromEnvironment(string variable, string prefix)
    {
        var postgres = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(postgres);
        var admin = builder.ConnectionString;
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        builder.Database = name;
        return new PostgresTestDatabase(admin, name, builder.ConnectionString);
    }

    /// <summary>
    /// Drops the database. Many test classes create and drop databases at once on one server, and a
    /// drop can meet a transient conflict (another DDL statement, a backend still exiting), so it
    /// is tried a few times before the failure is reported.
    /// </summary>
    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnection);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException exception) when (attempt < 4)
            {
                Console.Error.WriteLine($"dropping test database {Name} failed (attempt {attempt}), retrying: {exception.Message}");
                await Task.Delay(250 * attempt);
            }
        }
    }
}
