using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Storefront.Api.Infrastructure.Metrics;

namespace Storefront.Api.Infrastructure.Database;

/// <summary>Chooses the provider: PostgreSQL when ConnectionStrings:Storefront is set, embedded SQLite otherwise.</summary>
public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Storefront";

    public static IServiceCollection AddStorefrontDatabase(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString(ConnectionStringName);
        var provider = string.IsNullOrWhiteSpace(postgres)
            ? StorefrontDatabase.ForSqlite(ResolveSqliteConnectionString(configuration, environment))
            : StorefrontDatabase.ForPostgres(ValidatePostgresConnectionString(postgres));
        services.AddSingleton(provider);
        services.AddSingleton<DatabaseConnectionMetrics>();
        services.AddSingleton<ConnectionMetricsInterceptor>();
        services.AddSingleton<SqlitePragmaInterceptor>();

        // Pooled: a context and its options are built once and reset between requests. Built per request
        // they cost ~10% of a catalog read's CPU (options, warnings configuration, service lookups).
        services.AddDbContextPool<StorefrontDbContext>((sp, options) =>
        {
            if (provider.IsSqlite)
            {
                options.UseSqlite(provider.ConnectionString);
                options.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
            }
            else
            {
                options.UseNpgsql(provider.ConnectionString);
            }

            options.AddInterceptors(sp.GetRequiredService<ConnectionMetricsInterceptor>());
        });
        return services;
    }

    private static string ResolveSqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var directory = DataDirectory.EnsureWritable(configuration[$"{StorefrontOptions.SectionName}:DataDirectory"], environment);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "storefront.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY for up to this many seconds.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// Where the connection string does not say otherwise. The write paths' 300 ms tails on PostgreSQL (database on
    /// Storefront's core) came from work done per request that a pool should have done once: a connection the pool had
    /// to open mid-load is a fork of a backend plus a SCRAM exchange (4,096 PBKDF2 rounds on each side) plus a cold
    /// catalog cache; and each pooled connection was reset with DISCARD ALL on reuse, so every statement was parsed
    /// and planned again. So: <c>Minimum Pool Size</c> connections opened at start-up (DatabasePreparation) and kept,
    /// no reset on return (EF sets no session state), and statements prepared once a connection has run them twice.
    /// </summary>
    private static void ApplyPoolDefaults(NpgsqlConnectionStringBuilder builder, System.Data.Common.DbConnectionStringBuilder given)
    {
        bool Given(params string[] keys) => keys.Any(given.ContainsKey);
        if (!Given("Minimum Pool Size", "MinPoolSize", "Min Pool Size"))
        {
            builder.MinPoolSize = MinimumPoolSize;
        }

        if (!Given("No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Given("Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }
    }

    /// <summary>Connections kept open from start-up: enough for the requests a core keeps in flight, far under max_connections.</summary>
    public const int MinimumPoolSize = 16;

    private static string ValidatePostgresConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new InvalidOperationException("ConnectionStrings:Storefront has no Host.");
            }

            ApplyPoolDefaults(builder, new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString });
            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Storefront is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }
}

/// <summary>The provider chosen at start-up, for code that needs to know (health, metrics, preparation).</summary>
public sealed record StorefrontDatabase(string ProviderName, string ConnectionString)
{
    public bool IsSqlite => ProviderName == "sqlite";

    public static StorefrontDatabase ForSqlite(string connectionString) => new("sqlite", connectionString);

    public static StorefrontDatabase ForPostgres(string connectionString) => new("postgresql", connectionString);
}
