using System.Text.Json.Nodes;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;

namespace Pacer.Core.Execution;

/// <summary>
/// How flows run. <see cref="BaseUrl"/> wins over the environment's and a <c>base_url</c> variable;
/// <see cref="Overrides"/> are the <c>--var</c> values (highest priority), <see cref="EnvironmentVariables"/>
/// the selected environment's.
/// </summary>
public sealed record FlowRunOptions
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Overrides { get; init; } = new Dictionary<string, JsonNode?>();

    public IReadOnlyDictionary<string, JsonNode?> EnvironmentVariables { get; init; } = new Dictionary<string, JsonNode?>();

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public bool FailFast { get; init; }

    public bool FollowRedirects { get; init; }

    public bool Insecure { get; init; }

    /// <summary>How https is spoken through the engine (CA file, client certificate); null: the system's CAs, and <see cref="Insecure"/>.</summary>
    public Http.Engine.Tls.TlsOptions? Tls { get; init; }

    /// <summary>
    /// Report a missed <c>duration &lt;</c> budget as a warning, like a soft assertion, while every
    /// other assertion still fails the step. For functional runs on noisy shared machines, where
    /// timing is not what is being tested; budgets are enforced by default.
    /// </summary>
    public bool SoftBudgets { get; init; }

    /// <summary>
    /// A client the caller owns (an in-process test server's, say). When set, flows send through it
    /// instead of a client of their own, so <see cref="FollowRedirects"/> and <see cref="Insecure"/> are the
    /// client's business, its cookies are shared by whoever shares it, and the runner never disposes it.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Checked against every response after the step's assertions; a problem fails the step (<c>pacer run --openapi</c>).</summary>
    public IResponseCheck? ResponseCheck { get; init; }

    /// <summary>Send every step over HTTP/2 (<c>--http2</c>), as a step's <c>@http2</c> does for that step.</summary>
    public bool Http2 { get; init; }

    /// <summary>The longest response body accepted (<c>--max-body</c>); a longer one fails its step.</summary>
    public long MaxBodyBytes { get; init; } = ConnectionOptions.DefaultMaxBodyBytes;

    /// <summary>
    /// The transport of one flow run: the caller's client when given (in-process test servers), else
    /// Pacer's engine (http and https), with HttpClient for what the engine cannot reach.
    /// </summary>
    public IRequestTransport CreateTransport()
    {
        if (HttpClient is { } client)
        {
            return new HttpClientTransport(client, ownsClient: false, MaxBodyBytes);
        }

        var cookies = new System.Net.CookieContainer();
        var fallback = new HttpClientTransport(FlowHttpClientFactory.Create(FollowRedirects, Insecure, cookies), ownsClient: true, MaxBodyBytes);
        var tls = (Tls ?? new Http.Engine.Tls.TlsOptions()) with { Insecure = Insecure || (Tls?.Insecure ?? false) };
        return new EngineTransport(new EngineTransportOptions { FollowRedirects = FollowRedirects, MaxBodyBytes = MaxBodyBytes, Cookies = cookies, Tls = tls }, fallback);
    }
}
