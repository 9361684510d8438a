using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed class HealthTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/health")]
    public async Task Liveness_reports_ok_and_the_version(string path)
    {
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>(path, Ct);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", health.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database_in_use()
    {
        var ready = await factory.CreateClient().GetAsync("/api/v1/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(factory.UsesPostgres ? "postgresql" : "sqlite", body.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Readiness_is_a_503_problem_when_the_database_is_unreachable()
    {
        var outage = new OutageInterceptor();
        await using var app = StorefrontFactory.With(configureServices: services =>
            services.ConfigureDbContext<StorefrontDbContext>(options => options.AddInterceptors(outage)));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/v1/health/ready", Ct)).StatusCode);

        outage.Down = true;

        await ProblemAssert.IsProblemAsync(await app.CreateClient().GetAsync("/api/v1/health/ready", Ct), 503, "database_unavailable");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health", Ct)).StatusCode);
    }

    /// <summary>Refuses every connection while <see cref="Down"/> is set, as a dead database server would.</summary>
    private sealed class OutageInterceptor : DbConnectionInterceptor
    {
        public volatile bool Down;

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Down ? throw new InvalidOperationException("database down") : result;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Down ? throw new InvalidOperationException("database down") : ValueTask.FromResult(result);
    }
}
