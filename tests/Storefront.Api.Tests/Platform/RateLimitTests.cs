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
