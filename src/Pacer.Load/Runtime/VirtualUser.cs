using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Pacer.Core.Http.Engine;
using Pacer.Core.Judge;
using Pacer.Core.Templating;

namespace Pacer.Load.Runtime;

/// <summary>
/// What one virtual user keeps between iterations: its keep-alive engine connection(s), its
/// HttpClient when the engine cannot be used, its cookie jar (shared by both: the engine sends the
/// cookies a server set, as a browser would), its random source for think time, its record of what
/// the current iteration captured (<see cref="FlowSequence"/>), and its variables below captures
/// (environment, <c>@once</c> captures, its data row). Captures start afresh every iteration, so one
/// iteration's values never leak into the next.
/// </summary>
internal sealed class VirtualUser(
    int id,
    IReadOnlyDictionary<string, JsonNode?> overrides,
    IReadOnlyDictionary<string, JsonNode?> variables,
    IReadOnlyDictionary<string, JsonNode?> defaults,
    FlowSequence sequence,
    Func<EngineSender> engine,
    Func<CookieContainer, ClientSender> client) : IDisposable
{
    private EngineSender? _engine;
    private ClientSender? _client;
    private CookieContainer? _cookies;

    public int Id { get; } = id;

    public Random Random { get; } = new(id);

    public FlowSequence Sequence { get; } = sequence;

    public EngineSender Engine => _engine ??= engine();

    public ClientSender Client => _client ??= client(Cookies);

    public CookieContainer Cookies => _cookies ??= new CookieContainer();

    /// <summary>True once a server set a cookie: requests then carry a Cookie header.</summary>
    public bool HasCookies => _cookies is { Count: > 0 };

    public void AdoptCookies(Uri url, IReadOnlyList<string> setCookies)
    {
        foreach (var header in setCookies)
        {
            try
            {
                Cookies.SetCookies(url, header);
            }
            catch (CookieException)
            {
                // A malformed Set-Cookie is ignored, as browsers and HttpClient do.
            }
        }
    }

    /// <summary>The Cookie header line for an engine request to <paramref name="url"/> (empty when the jar has none for it).</summary>
    public RequestVariables CookieLine(Uri url)
    {
        if (!HasCookies || Cookies.GetCookieHeader(url) is not { Length: > 0 } header)
        {
            return default;
        }

        return new RequestVariables(ExtraHeaderLines: Encoding.Latin1.GetBytes($"Cookie: {header}\r\n"));
    }

    public VariableScope NewScope() => new(overrides, variables, defaults);

    public void Dispose()
    {
        _engine?.Dispose();
        _client?.Dispose();
    }
}
