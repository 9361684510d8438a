using Microsoft.EntityFrameworkCore;

namespace Pacer.Hub.Infrastructure.Database;

/// <summary>
/// The Hub's one model. Each feature maps its entities with an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in its own folder. Migrations are provider-specific, so each provider has a context type of its own
/// (<see cref="SqliteHubDbContext"/>, <see cref="PostgresHubDbContext"/>) with its own migrations folder;
/// code everywhere else asks for this base type.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // UTC everywhere: SQLite reads DateTime back as Unspecified, PostgreSQL's timestamptz wants Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

/// <summary>The embedded default; migrations in Migrations/Sqlite.</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options);

/// <summary>Chosen by <c>ConnectionStrings:Hub</c>; migrations in Migrations/Postgres.</summary>
public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options);
