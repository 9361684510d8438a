using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Auth;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class RefreshTokenTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_returns_a_new_pair_and_revokes_the_presented_token()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var rotated = await RefreshAsync(user.Tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var pair = (await rotated.Content.ReadFromJsonAsync<TokenResponse>(Ct))!;
        Assert.NotEqual(user.Tokens.RefreshToken, pair.RefreshToken);
        Assert.Equal("Bearer", pair.TokenType);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(pair.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode);

        await ProblemAssert.IsProblemAsync(await RefreshAsync(user.Tokens.RefreshToken), 401, "invalid_refresh_token");
    }

    [Fact]
    public async Task Reusing_a_rotated_token_revokes_the_whole_family()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var second = (await (await RefreshAsync(user.Tokens.RefreshToken)).Content.ReadFromJsonAsync<TokenResponse>(Ct))!;

        await ProblemAssert.IsProblemAsync(await RefreshAsync(user.Tokens.RefreshToken), 401);

        await ProblemAssert.IsProblemAsync(await RefreshAsync(second.RefreshToken), 401, "invalid_refresh_token");
    }

    [Fact]
    public async Task Reuse_does_not_touch_the_users_other_sessions()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var otherSession = await factory.LoginAsync(user.Email, user.Password);
        await RefreshAsync(user.Tokens.RefreshToken);
        await RefreshAsync(user.Tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(otherSession.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_session()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var logout = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await ProblemAssert.IsProblemAsync(await RefreshAsync(user.Tokens.RefreshToken), 401);
    }

    [Fact]
    public async Task Unknown_refresh_tokens_get_401_and_missing_ones_400()
    {
        await ProblemAssert.IsProblemAsync(await RefreshAsync("not-a-real-token"), 401, "invalid_refresh_token");
        var missing = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { }, Ct);
        var problem = await ProblemAssert.IsProblemAsync(missing, 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task Refresh_tokens_expire_after_the_configured_days()
    {
        var clock = new TestClock();
        await using var timed = StorefrontFactory.With(configureServices: s => s.AddSingletonTimeProvider(clock));
        var user = await timed.RegisterAndLoginUserAsync();

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var response = await timed.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        await ProblemAssert.IsProblemAsync(response, 401, "invalid_refresh_token");
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_hashed()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var stored = await factory.WithDbAsync(db => Task.FromResult(
            db.Set<RefreshToken>().Where(t => t.UserId == user.Id).Select(t => t.TokenHash).ToList()));

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(user.Tokens.RefreshToken, stored);
        Assert.Contains(SecretTokens.Hash(user.Tokens.RefreshToken), stored);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Ct);
}
