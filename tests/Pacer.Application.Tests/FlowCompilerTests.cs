using System.Text.Json.Nodes;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Application.Tests;

/// <summary>The config, environment and compiled flows that check, run, load and monitor read the same way.</summary>
public sealed class FlowCompilerTests : IDisposable
{
    private const string Config = """
        active_env: dev
        environments:
          - name: dev
            base_url: http://127.0.0.1:7001
            variables:
              who: dev-user
          - name: qa
            base_url: http://127.0.0.1:7002
            variables:
              who: qa-user
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public void The_active_environment_gives_base_url_and_variables_unless_env_or_base_url_say_otherwise()
    {
        temp.Write(".pacer/config.yaml", Config);
        var flow = temp.Write("who.flow.md", "```kest\nGET /who?name={{who}}\n```\n");

        var active = Compile([flow]);
        var qa = Compile([flow], environment: "qa");
        var given = Compile([flow], environment: "qa", baseUrl: "http://127.0.0.1:9");

        var plan = Assert.Single(active.Flows);
        Assert.Empty(active.Problems);
        Assert.Equal("http://127.0.0.1:7001", active.BaseUrlFor(plan));
        Assert.Equal("dev-user", active.VariablesFor(plan)["who"]!.GetValue<string>());
        Assert.Equal("dev", active.EnvironmentName);
        Assert.Equal("http://127.0.0.1:7002", qa.BaseUrlFor(qa.Flows[0]));
        Assert.Equal("qa", qa.EnvironmentName);
        Assert.Equal("http://127.0.0.1:9", given.BaseUrlFor(given.Flows[0]));
    }

    [Fact]
    public void An_unknown_env_is_an_error_and_nothing_is_compiled()
    {
        temp.Write(".pacer/config.yaml", Config);
        var flow = temp.Write("a.flow.md", "```kest\nGET /a\n```\n");

        var compiled = Compile([flow], environment: "prod");

        Assert.True(compiled.HasErrors);
        Assert.Empty(compiled.Flows);
        Assert.StartsWith("error: unknown environment 'prod'", Assert.Single(compiled.Problems).Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_with_errors_is_reported_with_its_line_and_every_other_file_still_checked()
    {
        var bad = temp.Write("bad.flow.md", "```kest\nFETCH /a\n```\n");
        var worse = temp.Write("worse.flow.md", "```flow\n@threshold p95 lessthan 200\n@load vus=ten\n```\n");

        var compiled = Compile([bad, worse]);

        Assert.Equal(3, compiled.ErrorCount);
        Assert.Contains(compiled.Problems, p => p.Render().StartsWith("bad.flow.md:2:1: error PACER002", StringComparison.Ordinal));
        Assert.Contains(compiled.Problems, p => p.Render().StartsWith("worse.flow.md:2:16: error PACER022", StringComparison.Ordinal));
        Assert.Contains(compiled.Problems, p => p.Render().StartsWith("worse.flow.md:3:11: error PACER023", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_the_run_supplies_count_as_defined_and_others_do_not()
    {
        var flow = temp.Write("user.flow.md", "```kest\nGET http://127.0.0.1:9/users/{{user_id}}\n```\n");

        Assert.False(Compile([flow], supplied: ["user_id"]).HasErrors);
        Assert.False(Compile([flow], variables: new() { ["user_id"] = "7" }).HasErrors);
        var undefined = Compile([flow]);
        Assert.Contains(undefined.Problems, p => p.Diagnostic.Message.Contains("variable `user_id` is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_settings_that_do_not_fit_together_are_bad_input_for_every_command()
    {
        var flow = temp.Write("load.flow.md", "```flow\n@load stages=\"1s:5\" rate=10/s duration=1s\n```\n\n```kest\nGET http://127.0.0.1:9/\n```\n");
        var unused = temp.Write("unused.flow.md", "```flow\n@load vus=2 rate=10/s duration=1s\n```\n\n```kest\nGET http://127.0.0.1:9/\n```\n");

        var problem = Assert.Single(Compile([flow]).Problems);
        var meaningless = Assert.Single(Compile([unused]).Problems);

        Assert.True(problem.IsError);
        Assert.StartsWith("load.flow.md:2:15: error PACER023: choose one way to drive the load, not @load rate and @load stages", problem.Render(), StringComparison.Ordinal);
        Assert.StartsWith("unused.flow.md:2:11: error PACER023: @load vus has no meaning for constant-arrival-rate", meaningless.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_on_a_step_the_run_does_not_have_says_which_it_meant()
    {
        var flow = temp.Write("t.flow.md", "```flow\n@threshold step[Login].p95<100ms\n```\n\n```kest\n@name Log in\nGET http://127.0.0.1:9/\n```\n");

        var problem = Assert.Single(Compile([flow]).Problems);

        Assert.Contains("t.flow.md:2:12: error PACER024: threshold step[Login].p95<100ms: no step named 'Login'", problem.Render(), StringComparison.Ordinal);
        Assert.Contains("did you mean step[Log in]?", problem.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_url_needs_a_base_url_from_the_command_line_the_environment_or_a_variable()
    {
        var flow = temp.Write("flows/users.flow.md", "```kest\nGET /users\n```\n");

        var none = Assert.Single(Compile([flow]).Problems);
        Assert.StartsWith(Path.Combine("flows", "users.flow.md") + ":2:5: error PACER028", none.Render(), StringComparison.Ordinal);
        Assert.False(Compile([flow], baseUrl: "http://127.0.0.1:7000").HasErrors);
        Assert.False(Compile([flow], variables: new() { ["base_url"] = "http://127.0.0.1:7000" }).HasErrors);
        temp.Write(".pacer/config.yaml", Config);
        Assert.False(Compile([flow]).HasErrors);
    }

    public void Dispose() => temp.Dispose();

    private CompiledFlows Compile(
        IReadOnlyList<string> files, string? environment = null, string? baseUrl = null, Dictionary<string, string>? variables = null, IReadOnlyList<string>? supplied = null) =>
        FlowCompiler.Compile(new FlowSources
        {
            Files = files,
            CurrentDirectory = temp.Path,
            Environment = environment,
            BaseUrl = baseUrl,
            Variables = (variables ?? []).ToDictionary(v => v.Key, v => (JsonNode?)JsonValue.Create(v.Value)),
            SuppliedNames = supplied ?? [],
        });
}
