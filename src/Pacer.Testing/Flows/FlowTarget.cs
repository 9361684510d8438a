namespace Pacer.Testing;

/// <summary>
/// Where a flow's requests go: a base URL (a live server, through a client of the run's own, as
/// <c>pacer run</c> does), or an <see cref="HttpClient"/> the caller owns — an in-process
/// <c>WebApplicationFactory</c> client, say — whose <see cref="HttpClient.BaseAddress"/> is the base URL.
/// Strings and clients convert implicitly, so <c>RunAsync("http://127.0.0.1:5000/api")</c> and
/// <c>RunAsync(client)</c> both read naturally.
/// </summary>
public sealed class FlowTarget
{
    private readonly Func<HttpClient>? _createClient;
    private readonly bool _runOwnsClient;

    private FlowTarget(string? baseUrl, Func<HttpClient>? createClient, bool runOwnsClient, string description)
    {
        BaseUrl = baseUrl;
        _createClient = createClient;
        _runOwnsClient = runOwnsClient;
        Description = description;
    }

    /// <summary>The base URL relative step URLs are appended to; null when flows use absolute URLs.</summary>
    public string? BaseUrl { get; }

    public string Description { get; }

    /// <summary>A live server: each run gets its own client, cookies and connections.</summary>
    public static FlowTarget Url(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        return new FlowTarget(baseUrl, null, false, baseUrl);
    }

    /// <summary>A caller-owned client (never disposed here); runs sharing it share its cookies.</summary>
    public static FlowTarget Client(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new FlowTarget(client.BaseAddress?.ToString(), () => client, false, client.BaseAddress?.ToString() ?? "HttpClient");
    }

    /// <summary>A fresh client per run from <paramref name="createClient"/>, so every run has its own cookies; the run disposes it.</summary>
    public static FlowTarget Clients(Func<HttpClient> createClient, string? baseUrl, string description)
    {
        ArgumentNullException.ThrowIfNull(createClient);
        return new FlowTarget(baseUrl, createClient, true, description);
    }

    public static implicit operator FlowTarget(string baseUrl) => Url(baseUrl);

    public static implicit operator FlowTarget(Uri baseUrl) => Url(baseUrl?.ToString() ?? throw new ArgumentNullException(nameof(baseUrl)));

    public static implicit operator FlowTarget(HttpClient client) => Client(client);

    public static FlowTarget FromString(string baseUrl) => Url(baseUrl);

    public static FlowTarget FromUri(Uri baseUrl) => baseUrl;

    public static FlowTarget FromHttpClient(HttpClient client) => Client(client);

    /// <summary>The client for one run (null: the run creates its own), and whether the run must dispose it.</summary>
    internal (HttpClient? Client, bool Owned) ClientForRun() => (_createClient?.Invoke(), _runOwnsClient);

    public override string ToString() => Description;
}
