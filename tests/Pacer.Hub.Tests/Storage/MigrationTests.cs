using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Storage;

/// <summary>A database made by the first release of the Hub is upgraded in place on start, its data kept (SQLite, and PostgreSQL when PACER_HUB_TEST_PG is set).</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task A_database_at_the_first_migration_is_upgraded_with_its_data_on_start()
    {
        using var data = new TempDirectory();
        var postgres = PostgresTestDatabase.FromEnvironment(HubServer.PostgresVariable, "hub_test_");
        var settings = new Dictionary<string, string> { ["Hub:DataDirectory"] = data.Path };
        try
        {
            HubDbContext old = postgres is null
                ? new SqliteHubDbContext(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite(DatabaseRegistration.SqliteConnectionString(data.Path)).Options)
                : new PostgresHubDbContext(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql(postgres.ConnectionString).Options);
            await using (old)
            {
                var migrations = old.Database.GetMigrations().ToList();
                Assert.True(migrations.Count >= 2, string.Join(", ", migrations));
                await old.GetService<IMigrator>().MigrateAsync(migrations[0], cancellationToken: TestContext.Current.CancellationToken);
                var now = DateTime.UtcNow;
                var user = new User { Username = "early-adopter", PasswordHash = new Argon2idPasswordHasher().Hash(HubApi.Password), CreatedAt = now, UpdatedAt = now };
                var project = new Project { Name = "From v1", Slug = "from-v1", CreatedAt = now, UpdatedAt = now };
                old.AddRange(user, project);
                await old.SaveChangesAsync(TestContext.Current.CancellationToken);
                old.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, Role = ProjectRole.Owner, AddedAt = now });
                await old.SaveChangesAsync(TestContext.Current.CancellationToken);
                Assert.Single(await old.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            }

            if (postgres is not null)
            {
                settings["ConnectionStrings:Hub"] = postgres.ConnectionString;
            }

            await using var hub = await HubServer.StartAsync(settings);
            using var api = HubApi.Anonymous(hub);
            var login = await api.PostAsync("api/v1/login", new { username = "early-adopter", password = HubApi.Password });
            Assert.Equal(HttpStatusCode.OK, login.Status);
            api.Token = login.Data!["access_token"]!.GetValue<string>();
            var projects = await api.GetAsync("api/v1/projects?slug=from-v1");
            var id = projects.Data!["items"]![0]!["id"]!.GetValue<long>();
            // A table the second migration added works on the upgraded database.
            var channel = await api.PostAsync($"api/v1/projects/{id}/alert-channels", new { name = "ops", kind = "webhook", target = "http://127.0.0.1:9/hook" });
            Assert.Equal(HttpStatusCode.Created, channel.Status);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DropAsync();
            }
        }
    }
}
