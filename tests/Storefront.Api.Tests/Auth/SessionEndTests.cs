using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Auth;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

/// <summary>
/// An access token belongs to its login session: logout (or a password change) ends the session, and its access
/// tokens stop working at once rather than when they expire, while rotation keeps the session and other sessions live.
/// </summary>
public sealed class SessionEndTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_ends_the_sessions_access_tokens_but_not_the_users_other_sessions()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var otherSession = await factory.LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/users/me", Ct)).StatusCode);

        var logout = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var after = await user.Client.GetAsync("/api/v1/users/me", Ct);
        var problem = await ProblemAssert.IsProblemAsync(after, 401, "invalid_token");
        Assert.Contains("session", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(otherSession.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Rotation_keeps_the_session_so_the_earlier_access_token_still_works_until_logout()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var rotated = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        var pair = (await rotated.Content.ReadFromJsonAsync<TokenResponse>(Ct))!;

        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/users/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(pair.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode);

        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = pair.RefreshToken }, Ct);

        await ProblemAssert.IsProblemAsync(await user.Client.GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
        await ProblemAssert.IsProblemAsync(await factory.CreateClient(pair.AccessToken).GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_user()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var otherSession = await factory.LoginAsync(user.Email, user.Password);

        var changed = await user.Client.PostAsJsonAsync("/api/v1/users/me/password",
            new { currentPassword = user.Password, newPassword = "a-new-password-for-this-test" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await ProblemAssert.IsProblemAsync(await user.Client.GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
        await ProblemAssert.IsProblemAsync(await factory.CreateClient(otherSession.AccessToken).GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
        var fresh = await factory.LoginAsync(user.Email, "a-new-password-for-this-test");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(fresh.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_refuses_a_token_whose_session_ended_here()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.Tokens.RefreshToken }, Ct);

        // A second host over the same database has never seen this session: it asks the database.
        await using var other = StorefrontFactory.With(factory.Settings);
        await ProblemAssert.IsProblemAsync(await other.CreateClient(user.Tokens.AccessToken).GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");
        var live = await factory.LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, (await other.CreateClient(live.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode);
    }
}
