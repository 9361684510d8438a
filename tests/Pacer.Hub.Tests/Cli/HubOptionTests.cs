using System.Text.Json.Nodes;
using Pacer.Cli;
using Pacer.Hub.Client;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Cli;

/// <summary>
/// <c>--hub URL --project SLUG</c> on <c>pacer run</c>, <c>pacer load</c> and <c>pacer monitor</c>: each
/// result lands in the Hub with its kind and label; an unreachable Hub keeps it in the outbox and never
/// changes the exit code; half the options is bad input before anything runs.
/// </summary>
public sealed class HubOptionTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new();
    private HubServer _hub = null!;
    private HubApi _api = null!;
    private LoopbackHttpServer _target = null!;
    private long _project;
    private string _slug = "";
    private string _ciToken = "";

    public async ValueTask InitializeAsync()
    {
        _hub = await HubServer.StartAsync();
        _api = await HubApi.SignUpAsync(_hub);
        _project = await _api.CreateProjectAsync("Checkout");
        _slug = (await _api.GetAsync($"api/v1/projects/{_project}")).Data!["slug"]!.GetValue<string>();
        _ciToken = (await _api.PostAsync($"api/v1/projects/{_project}/tokens", new { name = "ci" })).Data!["token"]!.GetValue<string>();
        _target = await LoopbackHttpServer.StartAsync();
        await File.WriteAllTextAsync(_work.Combine("ping.flow.md"), $"""
            # Ping

            ```http
            GET {_target.BaseUrl}/ping
            ```

            ```assert
            status == 200
            ```
            """, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        _api.Dispose();
        await _hub.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Pacer_run_uploads_its_report_as_a_run_with_the_label()
    {
        var run = await PacerAsync("run", "ping.flow.md", "--no-history", "--hub", _hub.BaseUrl, "--project", _slug, "--hub-label", "main@abc123");

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("hub: uploaded as run", run.Out, StringComparison.Ordinal);
        var item = Assert.Single(await RunsAsync());
        Assert.Equal("run", (string?)item["kind"]);
        Assert.Equal("main@abc123", (string?)item["label"]);
        Assert.Equal("completed", (string?)item["status"]);
    }

    [Fact]
    public async Task Pacer_load_uploads_its_result_with_the_requests_it_made()
    {
        var load = await PacerAsync("load", "ping.flow.md", "--no-history", "--vus", "2", "--iterations", "20", "--hub", _hub.BaseUrl, "--project", _slug);

        Assert.True(load.Exit == 0, load.ToString());
        var item = Assert.Single(await RunsAsync());
        Assert.Equal("load", (string?)item["kind"]);
        Assert.Equal("completed", (string?)item["status"]);
        Assert.Equal(20, (long?)item["requests"]);
    }

    [Fact]
    public async Task Pacer_monitor_uploads_every_check_as_a_monitor_run()
    {
        var monitor = await PacerAsync("monitor", "ping.flow.md", "--every", "100ms", "--checks", "3", "--hub", _hub.BaseUrl, "--project", _slug);

        Assert.True(monitor.Exit == 0, monitor.ToString());
        var items = await RunsAsync();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("monitor", (string?)i["kind"]));
    }

    [Fact]
    public async Task An_unreachable_hub_keeps_the_result_for_push_and_the_exit_code_is_the_runs()
    {
        var down = $"http://127.0.0.1:{FreePort.Find()}";
        _target.Status = 500;

        var run = await PacerAsync("run", "ping.flow.md", "--no-history", "--hub", down, "--project", _slug);

        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("kept in", run.Error, StringComparison.Ordinal);
        var kept = HubOutbox.Read(Assert.Single(HubOutbox.In(_work.Path).Pending()));
        Assert.Equal("run", kept.Kind);
        Assert.Contains("\"passed\": false", kept.Result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--hub", "http://127.0.0.1:1", "--hub needs --project")]
    [InlineData("load", "--project", "checkout", "--project needs --hub")]
    [InlineData("monitor", "--hub", "ftp://example", "is not a Hub URL")]
    public async Task Half_the_hub_options_is_bad_input_before_any_request(string command, string option, string value, string message)
    {
        string[] bounded = command switch { "load" => ["--iterations", "1"], "monitor" => ["--checks", "1"], _ => [] };
        var outcome = await PacerAsync([command, "ping.flow.md", .. bounded, option, value]);

        Assert.True(outcome.Exit == 2, outcome.ToString());
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_target.Requests);
    }

    private async Task<List<JsonNode>> RunsAsync() =>
        [.. (await _api.GetAsync($"api/v1/projects/{_project}/runs")).Data!["items"]!.AsArray().Select(i => i!)];

    private async Task<Outcome> PacerAsync(params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            [HubCredentials.TokenVariable] = _ciToken,
            ["XDG_CONFIG_HOME"] = _work.Combine("config"),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PacerApp.RunAsync(args, new PacerContext(output, error, _work.Path, name => environment.TryGetValue(name, out var value) ? value : null, false), TestContext.Current.CancellationToken);
        return new Outcome(exit, output.ToString(), error.ToString());
    }

    private sealed record Outcome(int Exit, string Out, string Error)
    {
        public override string ToString() => $"exit {Exit}\n{Out}\n{Error}";
    }
}
