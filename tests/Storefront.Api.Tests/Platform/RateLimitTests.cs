using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_beyond_the_per_ip_limit_gets_a_429_problem_with_retry_after()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:RateLimiting:LoginPermitLimit"] = "3" });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "wrong-password" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "wrong-password" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(limited, 429, "rate_limited");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task Per_user_limits_count_each_user_separately()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:RateLimiting:PerUserPermitLimit"] = "2" });
        var first = await app.RegisterAndLoginAsync();
        var second = await app.RegisterAndLoginAsync();

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/users/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/users/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/api/v1/users/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/users/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_catalog_reads_past_the_per_ip_limit_get_429_and_health_never_does()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:RateLimiting:PerIpPermitLimit"] = "5" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync($"/api/v1/products?page={i + 1}", Ct)).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/categories", Ct), 429, "rate_limited");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Every_public_operation_documents_its_429()
    {
        var response = await new StorefrontFactory().CreateClient().GetAsync("/openapi/v1.json", Ct);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal) && !p.Name.StartsWith("/api/v1/health", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("429", out _), $"{operation.Name} {path.Name} documents no 429");
            }
        }
    }

    [Fact]
    public async Task Disabled_rate_limiting_never_answers_429()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["Storefront:RateLimiting:Enabled"] = "false",
            ["Storefront:RateLimiting:LoginPermitLimit"] = "1",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "nobody", password = "wrong-password" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
