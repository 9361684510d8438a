using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class RegistrationTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_returns_201_with_the_user_and_no_password_field()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "Dora@Example.test", username = "dora", password = "long-enough-pw", fullName = "Dora D" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Dora@Example.test", json.RootElement.GetProperty("email").GetString());
        Assert.Equal("shopper", json.RootElement.GetProperty("role").GetString());
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task Register_with_invalid_fields_returns_400_problem_with_per_field_errors()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email = "not-an-email", username = "x", password = "short" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(json.RootElement.TryGetProperty("traceId", out _));
    }

    [Theory]
    [InlineData("SAME@example.test", "other1", "email_taken")]
    [InlineData("other@example.test", "SameName", "username_taken")]
    public async Task Register_with_an_existing_email_or_username_ignoring_case_returns_409(string email, string username, string code)
    {
        var client = factory.CreateClient();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"same{suffix}@example.test", username = $"samename{suffix}", password = "long-enough-pw" }, Ct);
        first.EnsureSuccessStatusCode();

        var second = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { email = email.Replace("@", $"{suffix}@", StringComparison.Ordinal), username = username + suffix, password = "long-enough-pw" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        using var json = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Text_that_looks_like_sql_or_script_is_stored_and_returned_literally()
    {
        const string fullName = "Robert'); DROP TABLE users;-- <script>alert(1)</script>";
        var user = await factory.RegisterAndLoginUserAsync(fullName);

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/v1/users/me", Ct);

        Assert.Equal(fullName, me.GetProperty("fullName").GetString());
        var admin = await factory.LoginAsAdminAsync();
        var list = await admin.GetAsync("/api/v1/admin/users?pageSize=5", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
