using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Readme;

/// <summary>
/// The Hub the README's Hub section talks to, with the user <c>newcomer</c> signed up (the README's
/// commands log in with <c>PACER_HUB_PASSWORD</c> and add the project themselves). Its address stands in
/// for the README's 127.0.0.1:5090.
/// </summary>
internal sealed class ReadmeHub : IAsyncDisposable
{
    public const string ReadmeAddress = "http://127.0.0.1:5090";
    public const string Password = "readme-hub-password";

    private readonly HubServer _hub;
    private readonly HttpClient _http;

    private ReadmeHub(HubServer hub, HttpClient http)
    {
        _hub = hub;
        _http = http;
    }

    public string BaseUrl => _hub.BaseUrl;

    public static async Task<ReadmeHub> StartAsync(CancellationToken cancellationToken)
    {
        var hub = await HubServer.StartAsync();
        var http = hub.CreateClient();
        var credentials = new { username = "newcomer", password = Password };
        await DataAsync(await http.PostAsJsonAsync("api/v1/register", credentials, cancellationToken), cancellationToken);
        var login = await DataAsync(await http.PostAsJsonAsync("api/v1/login", credentials, cancellationToken), cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["access_token"]!.GetValue<string>());
        return new ReadmeHub(hub, http);
    }

    /// <summary>The projects the user can see, by slug.</summary>
    public async Task<IReadOnlyList<string>> ProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = await DataAsync(await _http.GetAsync(new Uri("api/v1/projects", UriKind.Relative), cancellationToken), cancellationToken);
        return [.. projects["items"]!.AsArray().Select(p => p!["slug"]!.GetValue<string>())];
    }

    /// <summary>The runs project <paramref name="slug"/> holds as "kind status" (e.g. "load completed"), newest first.</summary>
    public async Task<IReadOnlyList<string>> RunsAsync(string slug, CancellationToken cancellationToken)
    {
        var projects = await DataAsync(await _http.GetAsync(new Uri($"api/v1/projects?slug={slug}", UriKind.Relative), cancellationToken), cancellationToken);
        var id = projects["items"]![0]!["id"]!.GetValue<long>();
        var runs = await DataAsync(await _http.GetAsync(new Uri($"api/v1/projects/{id}/runs", UriKind.Relative), cancellationToken), cancellationToken);
        return [.. runs["items"]!.AsArray().Select(r => $"{r!["kind"]!.GetValue<string>()} {r["status"]!.GetValue<string>()}")];
    }

    private static async Task<JsonNode> DataAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
            return JsonNode.Parse(body)!["data"]!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _hub.DisposeAsync();
    }
}
