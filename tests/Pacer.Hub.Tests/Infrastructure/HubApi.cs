using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Infrastructure;

/// <summary>A signed-in caller of a running Hub's API, for tests: sends JSON, returns the status and the parsed envelope.</summary>
internal sealed class HubApi : IDisposable
{
    private static int _users;

    private readonly HttpClient _http;

    private HubApi(HubServer hub, string username)
    {
        _http = hub.CreateClient();
        Hub = hub;
        Username = username;
    }

    public HubServer Hub { get; }

    public string Username { get; }

    public string? Token
    {
        get => _http.DefaultRequestHeaders.Authorization?.Parameter;
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public const string Password = "a-test-password";

    /// <summary>Registers a new user and logs them in.</summary>
    public static async Task<HubApi> SignUpAsync(HubServer hub, string? name = null)
    {
        var api = new HubApi(hub, name ?? $"user{Interlocked.Increment(ref _users)}_{Guid.NewGuid().ToString("N")[..6]}");
        var registered = await api.SendAsync(HttpMethod.Post, "api/v1/register", new { username = api.Username, password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        var login = await api.SendAsync(HttpMethod.Post, "api/v1/login", new { username = api.Username, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        api.Token = login.Data!["access_token"]!.GetValue<string>();
        return api;
    }

    public static HubApi Anonymous(HubServer hub) => new(hub, "");

    public async Task<long> CreateProjectAsync(string name = "Shop")
    {
        var created = await SendAsync(HttpMethod.Post, "api/v1/projects", new { name });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Data!["id"]!.GetValue<long>();
    }

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Reply> PutAsync(string path, object? body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Reply> PostTextAsync(string path, string text, string contentType = "application/json")
    {
        using var content = new StringContent(text, Encoding.UTF8, contentType);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return await Reply.ReadAsync(response);
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return await Reply.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();

    internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, string Text)
    {
        public JsonNode? Data => Body?["data"];

        public int Code => Body?["code"]?.GetValue<int>() ?? -1;

        public static async Task<Reply> ReadAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            JsonNode? body = null;
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON (a page): kept as text.
            }

            return new Reply(response.StatusCode, body, text);
        }

        public override string ToString() => $"{(int)Status} {Text}";
    }
}
