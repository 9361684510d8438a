using Pacer.Cli.Tests.Probe.Vulnerable;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>Starts <see cref="VulnerableApi"/> with some flaws, logs alice and bob in through flows, and probes it.</summary>
internal sealed class VulnerableApiProbe : IAsyncDisposable
{
    private readonly ProbeFlows flows;

    private VulnerableApiProbe(VulnerableApi api, ProbeFlows flows, IReadOnlyList<ProbeUser> users)
    {
        Api = api;
        this.flows = flows;
        Users = users;
    }

    public VulnerableApi Api { get; }

    public IReadOnlyList<ProbeUser> Users { get; }

    public static async Task<VulnerableApiProbe> StartAsync(IReadOnlySet<VulnerableApiFlaw> flaws)
    {
        var api = await VulnerableApi.StartAsync(flaws);
        var flows = new ProbeFlows();
        var users = await ProbeLogins.RunAsync(
            [
                flows.Login("alice.flow.md", "/login", """{"username": "alice", "password": "alice-pass"}""", "token"),
                flows.Login("bob.flow.md", "/login", """{"username": "bob", "password": "bob-pass"}""", "token"),
            ],
            new Uri(api.BaseUrl),
            TestContext.Current.CancellationToken);
        return new VulnerableApiProbe(api, flows, users);
    }

    /// <summary>Probes with the default limits (2,000 requests); <paramref name="change"/> adjusts the options.</summary>
    public async Task<ProbeReport> RunAsync(Func<ProbeOptions, ProbeOptions>? change = null)
    {
        var spec = await OpenApiSpec.LoadAsync(VulnerableApiDocument.Json, "vulnerable.json", TestContext.Current.CancellationToken);
        var options = new ProbeOptions { BaseUrl = new Uri(Api.BaseUrl), Users = Users, SigningKey = Api.SigningKey };
        return await ApiProber.RunAsync(spec, change is null ? options : change(options), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        flows.Dispose();
    }
}
