using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Users;

public sealed class CurrentUserTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Me_returns_the_signed_in_user_without_secrets()
    {
        var user = await factory.RegisterAndLoginUserAsync("Mina Me");

        var response = await user.Client.GetAsync("/api/v1/users/me", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var me = JsonDocument.Parse(body).RootElement;

        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(user.Username, me.GetProperty("username").GetString());
        Assert.Equal("Mina Me", me.GetProperty("fullName").GetString());
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Put_me_updates_name_and_email()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var email = $"new-{user.Username}@example.test";

        var response = await user.Client.PutAsJsonAsync("/api/v1/users/me", new { fullName = "Renamed", email }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me", Ct);
        Assert.Equal("Renamed", me.GetProperty("fullName").GetString());
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.NotNull(await factory.LoginAsync(email, user.Password));
    }

    [Fact]
    public async Task Put_me_with_an_email_someone_else_uses_returns_409()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var other = await factory.RegisterAndLoginUserAsync();

        var response = await user.Client.PutAsJsonAsync("/api/v1/users/me", new { email = other.Email.ToUpperInvariant() }, Ct);

        await ProblemAssert.IsProblemAsync(response, 409, "email_taken");
    }

    [Fact]
    public async Task Put_me_validates_the_email()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var problem = await ProblemAssert.IsProblemAsync(
            await user.Client.PutAsJsonAsync("/api/v1/users/me", new { email = "nope" }, Ct), 400, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_sessions()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var wrong = await user.Client.PostAsJsonAsync("/api/v1/users/me/password",
            new { currentPassword = "not-my-password", newPassword = "changed-password-1" }, Ct);
        await ProblemAssert.IsProblemAsync(wrong, 422, "current_password_incorrect");

        var changed = await user.Client.PostAsJsonAsync("/api/v1/users/me/password",
            new { currentPassword = user.Password, newPassword = "changed-password-1" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.NotNull(await factory.LoginAsync(user.Username, "changed-password-1"));
        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }
}
