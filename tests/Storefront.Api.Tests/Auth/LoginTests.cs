using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class LoginTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_by_email_or_username_returns_a_bearer_pair()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var byUsername = await factory.LoginAsync(user.Username.ToUpperInvariant(), user.Password);

        Assert.Equal("Bearer", byUsername.TokenType);
        Assert.Equal(900, byUsername.ExpiresIn);
        Assert.NotEqual(user.Tokens.RefreshToken, byUsername.RefreshToken);
        Assert.Equal(3, user.Tokens.AccessToken.Split('.').Length);
    }

    [Fact]
    public async Task Wrong_password_returns_401_problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { login = StorefrontFactory.AdminEmail, password = "wrong-password" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("invalid_credentials", json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Seeded_admin_and_shoppers_can_log_in()
    {
        Assert.NotNull(await factory.LoginAsAdminAsync());
        var alice = await factory.LoginAsync("alice@storefront.local", StorefrontFactory.ShopperPassword);
        Assert.False(string.IsNullOrEmpty(alice.AccessToken));
    }
}
