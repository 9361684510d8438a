using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Pacer.Distributed.Protocol;

namespace Pacer.Distributed.Agent;

/// <summary>The agent's side of the protocol: plain HTTP/1.1 calls to the coordinator, JSON in and out.</summary>
internal sealed class CoordinatorClient(Uri coordinator) : IDisposable
{
    // The event stream stays open for the whole run; other calls are short.
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = coordinator,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<(AgentAssignment? Assignment, string? Refusal)> RegisterAsync(AgentRegistration registration, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("v1/agents", registration, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? (ProtocolJson.Deserialize<AgentAssignment>(body), null)
            : (null, $"{(int)response.StatusCode}: {ProblemDetail(body)}");
    }

    /// <summary>The coordinator's events for this agent, one per JSON line, until it closes the stream.</summary>
    public async IAsyncEnumerable<AgentEvent> EventsAsync(string agentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/agents/{agentId}/events");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0 && ProtocolJson.Deserialize<AgentEvent>(line) is { } message)
            {
                yield return message;
            }
        }
    }

    public async Task ReportAsync(string agentId, string? problem, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"v1/agents/{agentId}/{(problem is null ? "ready" : "failed")}", new AgentReport { Problem = problem }, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async Task SendSnapshotAsync(string agentId, AgentSnapshot snapshot, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"v1/agents/{agentId}/snapshots", snapshot, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> PostAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        var content = new StringContent(ProtocolJson.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return _http.PostAsync(path, content, cancellationToken);
    }

    private static string ProblemDetail(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["detail"]?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
