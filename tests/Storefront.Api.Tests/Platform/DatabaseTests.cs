using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed class DatabaseTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_writers_wait_for_each_other_instead_of_failing()
    {
        var client = factory.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"c{i}-{tag}@example.test", username = $"c{i}_{tag}", password = "concurrent-pass" }, Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }

    [Fact]
    public async Task Racing_registrations_of_one_name_give_one_201_and_409s()
    {
        var client = factory.CreateClient();
        var name = "race_" + Guid.NewGuid().ToString("N")[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"{name}-{i}@example.test", username = name, password = "concurrent-pass" }, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Restarting_on_the_same_database_keeps_data_and_does_not_seed_twice()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        await using var restarted = StorefrontFactory.With(factory.Settings);

        var admins = await restarted.WithDbAsync(db => db.Set<User>().CountAsync(u => u.Email == UserSeeder.AdminEmail, Ct));
        Assert.Equal(1, admins);
        Assert.NotNull(await restarted.LoginAsync(user.Email, user.Password));
    }

    [Fact]
    public async Task A_database_from_a_different_schema_is_refused_unless_recreation_is_allowed()
    {
        await using var original = StorefrontFactory.With();
        await original.WithDbAsync(db => db.Set<SchemaVersion>().ExecuteUpdateAsync(s => s.SetProperty(v => v.Fingerprint, "older-build"), Ct));

        await using var reopened = StorefrontFactory.With(new Dictionary<string, string?>(original.Settings)
        {
            ["Storefront:Database:RecreateOnSchemaChange"] = "false",
        });

        var error = Assert.ThrowsAny<Exception>(() => reopened.Server);
        Assert.Contains("different Storefront schema", error.ToString(), StringComparison.Ordinal);
    }
}
