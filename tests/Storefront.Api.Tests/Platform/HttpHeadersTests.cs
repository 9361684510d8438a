using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed class HttpHeadersTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_well_formed_request_id_is_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Request-ID", "pacer-run-42.step:7");

        var response = await factory.CreateClient().SendAsync(request, Ct);

        Assert.Equal("pacer-run-42.step:7", response.Headers.GetValues("X-Request-ID").Single());
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    public async Task A_malformed_request_id_is_replaced_by_a_generated_one(string supplied)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation("X-Request-ID", supplied);

        var response = await factory.CreateClient().SendAsync(request, Ct);

        var echoed = response.Headers.GetValues("X-Request-ID").Single();
        Assert.NotEqual(supplied, echoed);
        Assert.Equal(32, echoed.Length);
    }

    [Fact]
    public async Task An_overlong_request_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Request-ID", new string('a', 129));

        var response = await factory.CreateClient().SendAsync(request, Ct);

        Assert.Equal(32, response.Headers.GetValues("X-Request-ID").Single().Length);
    }

    [Fact]
    public async Task Problems_carry_the_request_id_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/missing");
        request.Headers.Add("X-Request-ID", "trace-me-123");

        var response = await factory.CreateClient().SendAsync(request, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 404);
        Assert.Equal("trace-me-123", problem.GetProperty("requestId").GetString());
        Assert.Equal("trace-me-123", response.Headers.GetValues("X-Request-ID").Single());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/does-not-exist")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, Ct);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_responses_carry_hsts()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/health", Ct);

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cors_allows_only_configured_origins()
    {
        await using var cors = StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:Cors:AllowedOrigins:0"] = "https://shop.example" });

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health");
        allowed.Headers.Add("Origin", "https://shop.example");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/health");
        other.Headers.Add("Origin", "https://evil.example");

        var allowedResponse = await cors.CreateClient().SendAsync(allowed, Ct);
        var otherResponse = await cors.CreateClient().SendAsync(other, Ct);

        Assert.Equal("https://shop.example", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
