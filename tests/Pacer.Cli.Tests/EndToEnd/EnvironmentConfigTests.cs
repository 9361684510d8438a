using Pacer.TestSupport;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>Environments from <c>.pacer/config.yaml</c> (and kest's <c>.kest/config.yaml</c>).</summary>
public sealed class EnvironmentConfigTests : IDisposable
{
    private const string EchoWho = "```kest\nGET /echo?who={{who}}\n\n[Asserts]\nbody.data.query.who == \"{{expected}}\"\n```\n";

    private readonly TempDirectory temp = new();

    private static string Config(string baseUrl, string active = "dev") => $"""
        active_env: {active}
        environments:
          - name: dev
            base_url: {baseUrl}
            variables:
              who: dev-user
              expected: dev-user
          - name: qa
            base_url: {baseUrl}
            variables:
              who: qa-user
              expected: qa-user
        """;

    [Fact]
    public async Task Active_environment_supplies_base_url_and_variables()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("project/.pacer/config.yaml", Config(server.BaseUrl));
        var flow = temp.Write("project/flows/who.flow.md", EchoWho);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["/echo?who=dev-user"], server.State.RequestLog);
    }

    [Fact]
    public async Task Env_option_selects_another_environment_and_var_still_wins()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("project/.kest/config.yaml", Config(server.BaseUrl));
        var flow = temp.Write("project/who.flow.md", EchoWho);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--env", "qa", "--var", "who=cli", "--var", "expected=cli");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["/echo?who=cli"], server.State.RequestLog);
    }

    [Fact]
    public async Task Base_url_option_overrides_the_environment()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write(".pacer/config.yaml", Config("http://127.0.0.1:9"));
        var flow = temp.Write("who.flow.md", EchoWho);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
    }

    [Fact]
    public async Task Config_is_found_from_the_current_directory_too()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("elsewhere/who.flow.md", EchoWho);
        using var cwd = new TempDirectory();
        cwd.Write(".pacer/config.yaml", Config(server.BaseUrl, active: "qa"));

        var outcome = await PacerCli.RunAsync(cwd.Path, "run", flow);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(["/echo?who=qa-user"], server.State.RequestLog);
    }

    [Fact]
    public async Task Unknown_environment_is_bad_input()
    {
        temp.Write(".pacer/config.yaml", Config("http://127.0.0.1:9"));
        var flow = temp.Write("who.flow.md", EchoWho);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--env", "prod");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("unknown environment 'prod'", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("dev, qa", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_that_does_not_parse_is_bad_input_with_its_position()
    {
        temp.Write(".pacer/config.yaml", "active_env: dev\nenvironments:\n  - name: dev\n    base_url: [unclosed\n");
        var flow = temp.Write("who.flow.md", EchoWho);

        var run = await PacerCli.RunAsync(temp.Path, "run", flow);
        var check = await PacerCli.RunAsync(temp.Path, "check", flow);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"\.pacer/config\.yaml:\d+:\d+", run.Error);
        Assert.Equal(2, check.ExitCode);
    }

    public void Dispose() => temp.Dispose();
}
