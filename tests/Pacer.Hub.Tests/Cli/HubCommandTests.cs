using Pacer.Cli;
using Pacer.Hub.Client;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Hub.Tests.Runs;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Cli;

/// <summary><c>pacer hub login</c> saves a session; <c>pacer hub push</c> sends what an unreachable Hub left in the outbox.</summary>
public sealed class HubCommandTests
{
    [Fact]
    public async Task Login_then_push_sends_a_kept_result_and_empties_the_outbox()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync("Pushed");
        var slug = (await api.GetAsync($"api/v1/projects/{project}")).Data!["slug"]!.GetValue<string>();
        using var work = new TempDirectory();
        var environment = new Dictionary<string, string?>
        {
            ["XDG_CONFIG_HOME"] = work.Combine("config"),
            ["PACER_HUB_PASSWORD"] = HubApi.Password,
        };
        HubOutbox.In(work.Path).Keep(new HubOutbox.Entry(hub.BaseUrl, slug, "load", "nightly", DateTimeOffset.UtcNow, "connection refused", RunUploadTests.LoadFixture));

        var login = await RunAsync(work.Path, environment, "hub", "login", hub.BaseUrl, "--username", api.Username);
        var push = await RunAsync(work.Path, environment, "hub", "push");
        var again = await RunAsync(work.Path, environment, "hub", "push");

        Assert.True(login.Exit == 0, login.ToString());
        Assert.True(File.Exists(work.Combine("config/pacer/hub-credentials.json")));
        Assert.DoesNotContain(HubApi.Password, await File.ReadAllTextAsync(work.Combine("config/pacer/hub-credentials.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(push.Exit == 0, push.ToString());
        Assert.Contains("pushed 1, refused 0, still kept 0", push.Out, StringComparison.Ordinal);
        Assert.Empty(HubOutbox.In(work.Path).Pending());
        Assert.Contains("nothing to push", again.Out, StringComparison.Ordinal);
        var runs = await api.GetAsync($"api/v1/projects/{project}/runs");
        Assert.Equal("nightly", runs.Data!["items"]![0]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Push_to_an_unreachable_hub_keeps_the_result_and_exits_1()
    {
        using var work = new TempDirectory();
        var down = $"http://127.0.0.1:{FreePort.Find()}";
        HubOutbox.In(work.Path).Keep(new HubOutbox.Entry(down, "shop", "run", null, DateTimeOffset.UtcNow, "connection refused", RunUploadTests.RunFixture));

        var push = await RunAsync(work.Path, new Dictionary<string, string?> { ["PACER_HUB_TOKEN"] = "pch_unused", ["XDG_CONFIG_HOME"] = work.Combine("config") }, "hub", "push");

        Assert.True(push.Exit == 1, push.ToString());
        Assert.Contains("still kept 1", push.Out, StringComparison.Ordinal);
        Assert.Single(HubOutbox.In(work.Path).Pending());
    }

    private static async Task<Outcome> RunAsync(string directory, Dictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PacerApp.RunAsync(args, new PacerContext(output, error, directory, name => environment.TryGetValue(name, out var value) ? value : null, false), TestContext.Current.CancellationToken);
        return new Outcome(exit, output.ToString(), error.ToString());
    }

    private sealed record Outcome(int Exit, string Out, string Error)
    {
        public override string ToString() => $"exit {Exit}\n{Out}\n{Error}";
    }
}
