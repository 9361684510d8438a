using System.Text.Json.Nodes;
using Pacer.Core.Templating;

namespace Pacer.Load.Runtime;

/// <summary>
/// What one virtual user keeps between iterations: its keep-alive engine connection(s), its
/// HttpClient (with its cookies) when the engine cannot be used or a server set a cookie (the
/// engine keeps no jar, so the VU moves to HttpClient with the cookies), its random source for think
/// time, and its variables below captures (environment, <c>@once</c> captures, its data row).
/// Captures start afresh every iteration, so one iteration's values never leak into the next.
/// </summary>
internal sealed class VirtualUser(
    int id,
    IReadOnlyDictionary<string, JsonNode?> overrides,
    IReadOnlyDictionary<string, JsonNode?> variables,
    IReadOnlyDictionary<string, JsonNode?> defaults,
    Func<EngineSender> engine,
    Func<ClientSender> client) : IDisposable
{
    private EngineSender? _engine;
    private ClientSender? _client;

    public int Id { get; } = id;

    public Random Random { get; } = new(id);

    public EngineSender Engine => _engine ??= engine();

    public ClientSender Client => _client ??= client();

    /// <summary>True once a server set a cookie: from then on this VU sends through HttpClient, which keeps them.</summary>
    public bool UsesClient { get; private set; }

    public void AdoptCookies(Uri url, IReadOnlyList<string> setCookies)
    {
        Client.AddCookies(url, setCookies);
        UsesClient = true;
    }

    public VariableScope NewScope() => new(overrides, variables, defaults);

    public void Dispose()
    {
        _engine?.Dispose();
        _client?.Dispose();
    }
}
