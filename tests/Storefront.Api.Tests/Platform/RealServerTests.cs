using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Features.Users;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

/// <summary>Storefront as a real process on Kestrel: what <c>dotnet run --project src/Storefront.Api</c> does.</summary>
public sealed class RealServerTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starts_on_a_random_port_with_an_embedded_database_and_seeded_admin()
    {
        await using var server = StorefrontProcess.Start();
        var address = await server.ListeningAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = address };

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { login = UserSeeder.AdminEmail, password = UserSeeder.DevelopmentAdminPassword }, Ct);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health/ready", Ct)).StatusCode);
        Assert.Contains("Development default password", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_an_admin_password()
    {
        await using var server = StorefrontProcess.Start("Production", new Dictionary<string, string>
        {
            ["Storefront__Jwt__SigningKey"] = StorefrontFactory.SigningKey,
        });

        var exitCode = await server.ExitCodeAsync(StartTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storefront:Admin:Password is required outside Development", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_logs_json_lines_carrying_the_request_id()
    {
        await using var server = StorefrontProcess.Start("Production", new Dictionary<string, string>
        {
            ["Storefront__Jwt__SigningKey"] = StorefrontFactory.SigningKey,
            ["Storefront__Admin__Password"] = StorefrontFactory.AdminPassword,
        });
        using var client = new HttpClient { BaseAddress = await server.ListeningAsync(StartTimeout) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me");
        request.Headers.Add("X-Request-ID", "real-server-request-1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");

        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var line = await WaitForLineAsync(server, "real-server-request-1");
        using var json = JsonDocument.Parse(line);
        Assert.Contains(json.RootElement.GetProperty("Scopes").EnumerateArray(),
            scope => scope.TryGetProperty("XRequestId", out var id) && id.GetString() == "real-server-request-1");
        Assert.Contains("Rejected a bearer token", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_url_and_oversized_headers_get_414_and_431_problems_through_kestrel()
    {
        await using var server = StorefrontProcess.Start();
        using var client = new HttpClient { BaseAddress = await server.ListeningAsync(StartTimeout) };
        using var bigHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        bigHeaders.Headers.Add("X-Filler", new string('h', 40 * 1024));

        var longUrl = await client.GetAsync("/api/v1/products?q=" + new string('u', 10 * 1024), Ct);
        var tooManyHeaderBytes = await client.SendAsync(bigHeaders, Ct);

        await ProblemAssert.IsProblemAsync(longUrl, 414, "uri_too_long");
        await ProblemAssert.IsProblemAsync(tooManyHeaderBytes, 431, "headers_too_large");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/products?q=" + new string('u', 100), Ct)).StatusCode);
    }

    private static async Task<string> WaitForLineAsync(StorefrontProcess server, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var line = server.Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal) && l.StartsWith('{'));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(100, Ct);
        }

        throw new Xunit.Sdk.XunitException($"No JSON log line contained {text}:\n{server.Output}");
    }
}
