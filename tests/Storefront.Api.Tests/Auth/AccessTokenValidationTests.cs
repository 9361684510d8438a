using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class AccessTokenValidationTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_minted_with_the_right_key_issuer_and_audience_is_accepted()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var response = await SendAsync(TokenForge.Mint(user.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Forgeries => new()
    {
        "tampered", "expired", "alg-none", "wrong-key", "wrong-issuer", "wrong-audience", "hs512", "garbage",
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_or_stale_tokens_are_refused_with_a_401_problem(string forgery)
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var token = forgery switch
        {
            "tampered" => TokenForge.Tamper(user.Tokens.AccessToken),
            "expired" => TokenForge.Mint(user.Id, expires: DateTime.UtcNow.AddMinutes(-5)),
            "alg-none" => TokenForge.WithAlgNone(user.Id),
            "wrong-key" => TokenForge.Mint(user.Id, key: "another-signing-key-that-is-long-enough-123456"),
            "wrong-issuer" => TokenForge.Mint(user.Id, issuer: "someone-else"),
            "wrong-audience" => TokenForge.Mint(user.Id, audience: "another-api"),
            "hs512" => TokenForge.Mint(user.Id, key: StorefrontFactory.SigningKey + StorefrontFactory.SigningKey, algorithm: SecurityAlgorithms.HmacSha512),
            _ => "not.a.jwt",
        };

        var response = await SendAsync(token);

        await ProblemAssert.IsProblemAsync(response, 401, "invalid_token");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_expired_token_within_the_clock_skew_is_still_accepted()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var response = await SendAsync(TokenForge.Mint(user.Id, expires: DateTime.UtcNow.AddSeconds(-5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_gets_a_401_problem_and_a_bearer_challenge()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/users/me", Ct);

        await ProblemAssert.IsProblemAsync(response, 401, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Access_tokens_expire_after_their_lifetime()
    {
        var clock = new TestClock();
        await using var timed = StorefrontFactory.With(configureServices: s => s.AddSingletonTimeProvider(clock));
        var user = await timed.RegisterAndLoginUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/users/me", Ct)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(16));

        await ProblemAssert.IsProblemAsync(await user.Client.GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
    }

    private async Task<HttpResponseMessage> SendAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await factory.CreateClient().SendAsync(request, Ct);
    }
}
