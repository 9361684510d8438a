using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Hub.Tests.Runs;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Api;

/// <summary>Roles on every route, projects isolated from each other, revocable tokens, Argon2id at rest.</summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private HubServer _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubServer.StartAsync();

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_read_only_member_reads_everything_and_can_write_nothing()
    {
        using var owner = await HubApi.SignUpAsync(_hub);
        using var reader = await HubApi.SignUpAsync(_hub);
        var project = await owner.CreateProjectAsync();
        var spec = await owner.PostAsync($"api/v1/projects/{project}/api-specs", new { name = "Health", method = "GET", path = "/health" });
        var invitation = await owner.PostAsync($"api/v1/projects/{project}/invitations", new { username = reader.Username, role = "read" });
        Assert.Equal(HttpStatusCode.Created, invitation.Status);
        var accepted = await reader.PostAsync("api/v1/invitations/accept", new { token = invitation.Data!["token"]!.GetValue<string>() });
        Assert.Equal(0, accepted.Code);

        foreach (var path in new[] { "", "/api-specs", "/runs", "/flows", "/environments", "/monitors", "/alerts", "/members", "/endpoints", $"/api-specs/{spec.Data!["id"]}" })
        {
            var read = await reader.GetAsync($"api/v1/projects/{project}{path}");
            Assert.True(read.Status == HttpStatusCode.OK, $"GET {path}: {read}");
        }

        var writes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Put, "", new { name = "mine now" }),
            (HttpMethod.Delete, "", null),
            (HttpMethod.Post, "/api-specs", new { name = "x", method = "GET", path = "/x" }),
            (HttpMethod.Put, $"/api-specs/{spec.Data["id"]}", new { name = "y" }),
            (HttpMethod.Delete, $"/api-specs/{spec.Data["id"]}", null),
            (HttpMethod.Post, "/flows", new { name = "a.flow.md", content = "```step\nGET /health\n```\n" }),
            (HttpMethod.Post, "/environments", new { name = "prod", base_url = "http://127.0.0.1:1" }),
            (HttpMethod.Post, "/runs", new { }),
            (HttpMethod.Post, "/runs/live", new { kind = "load" }),
            (HttpMethod.Post, "/monitors", new { name = "m", flow_id = 1, schedule = "* * * * *" }),
            (HttpMethod.Post, "/alert-channels", new { name = "c", kind = "webhook", target = "http://127.0.0.1:1/" }),
            (HttpMethod.Post, "/tokens", new { name = "ci" }),
            (HttpMethod.Post, "/invitations", new { username = "someone", role = "read" }),
            (HttpMethod.Put, "/baseline", new { run_id = (long?)null }),
        };
        foreach (var (method, path, body) in writes)
        {
            var refused = await reader.SendAsync(method, $"api/v1/projects/{project}{path}", body);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{method} {path}: {refused}");
            Assert.Equal(403, refused.Code);
        }

        var still = await owner.GetAsync($"api/v1/projects/{project}/api-specs");
        Assert.Equal(1, still.Data!["meta"]!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Another_projects_data_is_unreachable_even_by_id()
    {
        using var alice = await HubApi.SignUpAsync(_hub);
        using var bob = await HubApi.SignUpAsync(_hub);
        var alicesProject = await alice.CreateProjectAsync("Alice's");
        var bobsProject = await bob.CreateProjectAsync("Bob's");
        var bobsSpec = await bob.PostAsync($"api/v1/projects/{bobsProject}/api-specs", new { name = "Secret", method = "GET", path = "/secret" });
        var bobsRun = await bob.PostTextAsync($"api/v1/projects/{bobsProject}/runs", RunUploadTests.LoadFixture);

        foreach (var path in new[] { "", "/api-specs", $"/api-specs/{bobsSpec.Data!["id"]}", $"/runs/{bobsRun.Data!["id"]}", $"/runs/{bobsRun.Data["id"]}/result" })
        {
            var denied = await alice.GetAsync($"api/v1/projects/{bobsProject}{path}");
            Assert.True(denied.Status == HttpStatusCode.NotFound, $"GET {path}: {denied}");
        }

        // Bob's ids through Alice's own project: still nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"api/v1/projects/{alicesProject}/api-specs/{bobsSpec.Data["id"]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"api/v1/projects/{alicesProject}/runs/{bobsRun.Data["id"]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.DeleteAsync($"api/v1/projects/{alicesProject}/api-specs/{bobsSpec.Data["id"]}")).Status);
        var list = await alice.GetAsync("api/v1/projects");
        Assert.Equal([alicesProject], list.Data!["items"]!.AsArray().Select(p => p!["id"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"api/v1/projects/{bobsProject}/api-specs/{bobsSpec.Data["id"]}")).Status);
    }

    [Fact]
    public async Task An_api_token_acts_in_its_project_only_and_stops_working_when_revoked()
    {
        using var admin = await HubApi.SignUpAsync(_hub);
        var project = await admin.CreateProjectAsync();
        var other = await admin.CreateProjectAsync("Other");
        var created = await admin.PostAsync($"api/v1/projects/{project}/tokens", new { name = "github-actions" });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        using var ci = HubApi.Anonymous(_hub);
        ci.Token = created.Data!["token"]!.GetValue<string>();
        Assert.StartsWith(SecretTokens.ApiTokenPrefix, ci.Token, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await ci.PostTextAsync($"api/v1/projects/{project}/runs", RunUploadTests.LoadFixture)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ci.GetAsync($"api/v1/projects/{other}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ci.PostAsync("api/v1/projects", new { name = "mine" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ci.PostAsync($"api/v1/projects/{project}/tokens", new { name = "more" })).Status);
        var listed = await admin.GetAsync($"api/v1/projects/{project}/tokens");
        Assert.Null(listed.Data!["items"]![0]!["token"]);

        Assert.Equal(0, (await admin.DeleteAsync($"api/v1/projects/{project}/tokens/{created.Data["id"]}")).Code);

        var revoked = await ci.GetAsync($"api/v1/projects/{project}");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal(401, revoked.Code);
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_its_whole_family()
    {
        using var user = await HubApi.SignUpAsync(_hub);
        var login = await user.PostAsync("api/v1/login", new { username = user.Username, password = HubApi.Password });
        var first = login.Data!["refresh_token"]!.GetValue<string>();

        var rotated = await user.PostAsync("api/v1/refresh", new { refresh_token = first });
        Assert.Equal(0, rotated.Code);
        var second = rotated.Data!["refresh_token"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.PostAsync("api/v1/refresh", new { refresh_token = first })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.PostAsync("api/v1/refresh", new { refresh_token = second })).Status);
    }

    [Fact]
    public async Task Passwords_are_stored_as_argon2id_with_the_owasp_parameters()
    {
        using var user = await HubApi.SignUpAsync(_hub);
        await using var scope = _hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();

        var hash = await db.Set<User>().Where(u => u.Username == user.Username).Select(u => u.PasswordHash).SingleAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(HubApi.Password, hash, StringComparison.Ordinal);
        Assert.True(new Argon2idPasswordHasher().Verify(HubApi.Password, hash));
        Assert.False(new Argon2idPasswordHasher().Verify("not-the-password", hash));
    }

    [Fact]
    public async Task Every_project_route_declares_the_role_it_needs()
    {
        var routes = _hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/projects/{id", StringComparison.Ordinal) == true).ToList();

        Assert.True(routes.Count > 40, $"only {routes.Count} project routes found");
        Assert.All(routes, e => Assert.True(e.Metadata.GetMetadata<RequiredProjectRole>() is not null, $"{e.DisplayName} declares no project role"));
    }

    [Fact]
    public async Task Errors_from_the_framework_wear_the_envelope_too()
    {
        using var anonymous = HubApi.Anonymous(_hub);

        var unauthenticated = await anonymous.GetAsync("api/v1/projects");
        var unknown = await anonymous.GetAsync("api/v1/no-such-route");
        var badJson = await anonymous.PostTextAsync("api/v1/login", "{not json");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        Assert.Equal(401, unauthenticated.Code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(404, unknown.Code);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.Status);
        Assert.Equal(400, badJson.Code);
        Assert.Equal(400, badJson.Body!["error"]!["status"]!.GetValue<int>());
    }
}
