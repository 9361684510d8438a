using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pacer.Hub.Client;

/// <summary>
/// A typed client of the Hub's API for the <c>pacer</c> CLI and CI scripts: log in, find a project by
/// slug, upload a result file, run a live run (start, progress, finish). It holds a bearer token (a
/// user's access token or a project's API token) and never retries by itself: callers decide, and keep
/// what could not be sent (<see cref="HubOutbox"/>).
/// </summary>
public sealed class HubClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    public HubClient(Uri baseUrl, string? token, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _ownsClient = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/v1/");
        Token = token;
    }

    public Uri BaseUrl { get; }

    public string? Token { get; set; }

    public static async Task<HubTokens> LoginAsync(Uri baseUrl, string username, string password, CancellationToken cancellationToken, HttpClient? http = null)
    {
        using var client = new HubClient(baseUrl, null, http);
        return await client.SendAsync<HubTokens>(HttpMethod.Post, "login", Json(new { username, password }), cancellationToken).ConfigureAwait(false);
    }

    public Task<HubTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        SendAsync<HubTokens>(HttpMethod.Post, "refresh", Json(new { refresh_token = refreshToken }), cancellationToken);

    /// <summary>The project with this slug, among those the token can see; a <see cref="HubException"/> (404) when none.</summary>
    public async Task<HubProject> FindProjectAsync(string slug, CancellationToken cancellationToken)
    {
        var page = await SendAsync<HubPage<HubProject>>(HttpMethod.Get, $"projects?slug={Uri.EscapeDataString(slug)}", null, cancellationToken).ConfigureAwait(false);
        return page.Items.FirstOrDefault(p => p.Slug == slug)
            ?? throw new HubException(404, $"no project with slug '{slug}' is visible to this token");
    }

    /// <summary>Creates a project (the caller becomes its owner); without a slug the Hub makes one from the name.</summary>
    public Task<HubProject> CreateProjectAsync(string name, string? slug, CancellationToken cancellationToken) =>
        SendAsync<HubProject>(HttpMethod.Post, "projects", Json(new { name, slug }), cancellationToken);

    /// <summary>Uploads a finished result: a <c>pacer load --out</c> file or a <c>pacer run</c> JSON report, sent verbatim.</summary>
    public Task<HubRun> UploadAsync(long projectId, string resultJson, string? kind, string? label, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"projects/{projectId}/runs?");
        Append(query, "kind", kind);
        Append(query, "label", label);
        return SendAsync<HubRun>(HttpMethod.Post, query.ToString().TrimEnd('?', '&'), new StringContent(resultJson, Encoding.UTF8, "application/json"), cancellationToken);
    }

    public Task<HubRun> StartLiveRunAsync(long projectId, string kind, IReadOnlyList<string> flows, string? label, CancellationToken cancellationToken) =>
        SendAsync<HubRun>(HttpMethod.Post, $"projects/{projectId}/runs/live", Json(new { kind, flows, label }), cancellationToken);

    public Task SendProgressAsync(long projectId, long runId, HubProgress progress, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"projects/{projectId}/runs/{runId}/progress", Json(progress), cancellationToken);

    public Task<HubRun> FinishLiveRunAsync(long projectId, long runId, string resultJson, CancellationToken cancellationToken) =>
        SendAsync<HubRun>(HttpMethod.Put, $"projects/{projectId}/runs/{runId}/result", new StringContent(resultJson, Encoding.UTF8, "application/json"), cancellationToken);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path)) { Content = content };
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new HubException(0, $"the Hub at {BaseUrl.GetLeftPart(UriPartial.Authority)} cannot be reached: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HubException(0, $"the Hub at {BaseUrl.GetLeftPart(UriPartial.Authority)} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }

        using (response)
        {
            HubEnvelope<T>? envelope = null;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<HubEnvelope<T>>(HubJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not the Hub's envelope (a proxy's error page, say): reported with the status below.
            }

            if (!response.IsSuccessStatusCode || envelope is null || envelope.Code != 0)
            {
                throw new HubException((int)response.StatusCode, $"the Hub answered {(int)response.StatusCode}: {envelope?.Message ?? response.ReasonPhrase}");
            }

            return envelope.Data!;
        }
    }

    private static JsonContent Json<T>(T value) => JsonContent.Create(value, options: HubJson.Options);

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }
    }
}
