using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pacer.Testing.Auth;
using Pacer.Testing.Data;
using Pacer.Testing.Samples.Infrastructure;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>
/// Issue 8, bullet "auth helper": log in once per test class (the fixture's <see cref="LoginCache"/>),
/// and mint expired and forged tokens to prove Storefront refuses them.
/// </summary>
public sealed class AuthSamples(StorefrontInProcess storefront) : IClassFixture<StorefrontInProcess>
{
    [Fact]
    public async Task An_account_logs_in_once_and_its_token_is_reused()
    {
        var first = await storefront.Logins.TokenAsync(StorefrontInProcess.AdminEmail, StorefrontInProcess.AdminPassword, TestContext.Current.CancellationToken);
        var loginsSoFar = storefront.Logins.LoginCount;
        var again = await storefront.Logins.TokenAsync(StorefrontInProcess.AdminEmail, StorefrontInProcess.AdminPassword, TestContext.Current.CancellationToken);
        using var admin = await storefront.Logins.ClientAsync(StorefrontInProcess.AdminEmail, StorefrontInProcess.AdminPassword, TestContext.Current.CancellationToken);
        using var me = await admin.GetAsync("users/me", TestContext.Current.CancellationToken);

        Assert.Same(first, again);
        Assert.Equal(loginsSoFar, storefront.Logins.LoginCount);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_login_with_the_servers_answer()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storefront.Logins.TokenAsync(StorefrontInProcess.AdminEmail, "not-the-password", TestContext.Current.CancellationToken));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_minted_token_signed_with_the_servers_key_is_accepted()
    {
        var userId = await RegisterAsync();

        Assert.Equal(HttpStatusCode.OK, await GetMeAsync(storefront.Tokens.Valid(userId)));
    }

    [Fact]
    public async Task Expired_and_forged_tokens_are_refused()
    {
        var userId = await RegisterAsync();
        var valid = storefront.Tokens.Valid(userId);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetMeAsync(storefront.Tokens.Expired(userId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetMeAsync(storefront.Tokens.SignedWithKey("an-attackers-own-key-0123456789-abcdefghij", userId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetMeAsync(storefront.Tokens.AlgNone(userId)));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetMeAsync(TokenMint.Tampered(valid, role: "admin")));
    }

    [Fact]
    public void Minted_tokens_carry_what_was_asked_for()
    {
        var expired = TokenMint.Read(storefront.Tokens.Expired("u-1", ago: TimeSpan.FromDays(1)));
        var tampered = TokenMint.Read(TokenMint.Tampered(storefront.Tokens.Valid("u-2"), role: "admin"));
        var unsigned = TokenMint.Read(storefront.Tokens.AlgNone("u-3"));

        Assert.Equal("HS256", expired.Alg);
        Assert.True(expired.ValidTo < DateTime.UtcNow.AddHours(-23));
        Assert.Equal("admin", tampered.GetClaim("role").Value);
        Assert.Equal("none", unsigned.Alg);
        Assert.Equal("", unsigned.EncodedSignature);
    }

    private async Task<string> RegisterAsync()
    {
        var user = new TestData(seed: Random.Shared.Next()).User();
        using var client = storefront.CreateApiClient();
        using var response = await client.PostAsJsonAsync("auth/register",
            new { email = user.Email, username = user.Username, password = user.Password, fullName = user.FullName }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Registered>(TestContext.Current.CancellationToken))!.Id.ToString();
    }

    private async Task<HttpStatusCode> GetMeAsync(string token)
    {
        using var client = storefront.CreateApiClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("users/me", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private sealed record Registered(Guid Id);
}
