using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Admin;

public sealed class AdminUsersTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_lists_users_in_pages_with_totals()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            await factory.RegisterAndLoginUserAsync($"Pager {tag}");
        }

        var admin = await factory.LoginAsAdminAsync();
        var page1 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={tag}&page=1&pageSize=2", Ct);
        var page3 = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={tag}&page=3&pageSize=2", Ct);

        Assert.Equal(5, page1.GetProperty("total").GetInt32());
        Assert.Equal(3, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, page1.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page3.GetProperty("items").GetArrayLength());
        Assert.Equal(3, page3.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Admin_filters_by_active_state_and_search_text()
    {
        var admin = await factory.LoginAsAdminAsync();
        var user = await factory.RegisterAndLoginUserAsync();
        var patch = await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { isActive = false }, Ct);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var inactive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?isActive=false&q={user.Username}", Ct);
        var active = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?isActive=true&q={user.Username}", Ct);
        var seeded = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=storefront.local&pageSize=100", Ct);

        Assert.Equal(user.Id, inactive.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, active.GetProperty("total").GetInt32());
        Assert.Equal(5, seeded.GetProperty("total").GetInt32()); // admin, three shoppers and the live-event creator
    }

    [Fact]
    public async Task Deactivated_users_cannot_log_in_or_refresh()
    {
        var admin = await factory.LoginAsAdminAsync();
        var user = await factory.RegisterAndLoginUserAsync();

        await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { isActive = false }, Ct);

        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password }, Ct);
        await ProblemAssert.IsProblemAsync(login, 403, "account_inactive");
        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        await ProblemAssert.IsProblemAsync(refresh, 401);
    }

    [Fact]
    public async Task Deactivation_stops_live_access_tokens_at_once_and_reactivation_restores_login()
    {
        var admin = await factory.LoginAsAdminAsync();
        var user = await factory.RegisterAndLoginUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/users/me", Ct)).StatusCode);

        await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { isActive = false }, Ct);
        await ProblemAssert.IsProblemAsync(await user.Client.GetAsync("/api/v1/users/me", Ct), 401, "invalid_token");

        await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { isActive = true }, Ct);
        var fresh = factory.CreateClient((await factory.LoginAsync(user.Email, user.Password)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/users/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Admin_can_promote_a_user_whose_next_token_carries_the_role()
    {
        var admin = await factory.LoginAsAdminAsync();
        var user = await factory.RegisterAndLoginUserAsync();

        var patched = await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "admin" }, Ct);
        Assert.Equal("admin", (await patched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("role").GetString());

        var promoted = factory.CreateClient((await factory.LoginAsync(user.Email, user.Password)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/api/v1/admin/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task Admin_update_rejects_unknown_roles_unknown_users_and_self_demotion()
    {
        var admin = await factory.LoginAsAdminAsync();
        var user = await factory.RegisterAndLoginUserAsync();
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/me", Ct)).GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(await admin.PatchAsJsonAsync($"/api/v1/admin/users/{user.Id}", new { role = "root" }, Ct), 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(await admin.PatchAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}", new { isActive = true }, Ct), 404, "user_not_found");
        await ProblemAssert.IsProblemAsync(await admin.PatchAsJsonAsync($"/api/v1/admin/users/{adminId}", new { isActive = false }, Ct), 409, "cannot_modify_self");
    }

    [Fact]
    public async Task Admin_list_validates_paging()
    {
        var admin = await factory.LoginAsAdminAsync();

        var problem = await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/admin/users?page=0&pageSize=1000", Ct), 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory]
    [InlineData("GET", "/api/v1/admin/users")]
    [InlineData("PATCH", "/api/v1/admin/users/00000000-0000-0000-0000-000000000001")]
    public async Task Shoppers_get_403_and_anonymous_callers_401_on_admin_routes(string method, string path)
    {
        var shopper = await factory.RegisterAndLoginAsync();

        using var asShopper = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { isActive = false }) };
        await ProblemAssert.IsProblemAsync(await shopper.SendAsync(asShopper, Ct), 403, "forbidden");

        using var anonymous = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { isActive = false }) };
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().SendAsync(anonymous, Ct), 401, "unauthorized");
    }
}
