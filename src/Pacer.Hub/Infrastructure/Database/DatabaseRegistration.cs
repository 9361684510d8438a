using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pacer.Hub.Infrastructure.Database;

/// <summary>Chooses the provider: PostgreSQL when <c>ConnectionStrings:Hub</c> is set, embedded SQLite in the data directory otherwise.</summary>
public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Hub";

    public static IServiceCollection AddHubDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var postgres = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            var connectionString = SqliteConnectionString(dataDirectory);
            services.AddSingleton(new HubDatabase("sqlite", connectionString));
            services.AddSingleton<SqlitePragmaInterceptor>();
            services.AddDbContextPool<SqliteHubDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>()));
            services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<SqliteHubDbContext>());
        }
        else
        {
            var connectionString = ValidatePostgres(postgres);
            services.AddSingleton(new HubDatabase("postgresql", connectionString));
            services.AddDbContextPool<PostgresHubDbContext>(options => options.UseNpgsql(connectionString));
            services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<PostgresHubDbContext>());
        }

        return services;
    }

    public static string SqliteConnectionString(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "hub.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    private static string ValidatePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new InvalidOperationException("ConnectionStrings:Hub has no Host.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Hub is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }
}

/// <summary>The provider chosen at start-up, for code that needs to know (health, preparation).</summary>
public sealed record HubDatabase(string ProviderName, string ConnectionString)
{
    public bool IsSqlite => ProviderName == "sqlite";
}
