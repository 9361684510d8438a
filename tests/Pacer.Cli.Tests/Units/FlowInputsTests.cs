using Pacer.TestSupport;
using Pacer.Cli.Input;
using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Units;

/// <summary>The config, environment and parsed flows that run, load and monitor read the same way.</summary>
public sealed class FlowInputsTests : IDisposable
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
    private readonly StringWriter error = new();

    [Fact]
    public void The_active_environment_gives_base_url_and_variables_unless_env_or_base_url_say_otherwise()
    {
        temp.Write(".pacer/config.yaml", Config);
        var flow = temp.Write("who.flow.md", "```kest\nGET /who?name={{who}}\n```\n");

        var active = FlowInputs.Read(Context(), [flow], requestedEnv: null, suppliedNames: [])!;
        var qa = FlowInputs.Read(Context(), [flow], requestedEnv: "qa", suppliedNames: [])!;

        var document = Assert.Single(active.Documents);
        Assert.Equal("http://127.0.0.1:7001", active.BaseUrlFor(document, commandLineBaseUrl: null));
        Assert.Equal("dev-user", active.VariablesFor(document)["who"]!.GetValue<string>());
        Assert.Equal("dev", active.EnvironmentName);
        Assert.Equal("http://127.0.0.1:7002", qa.BaseUrlFor(qa.Documents[0], commandLineBaseUrl: ""));
        Assert.Equal("qa", qa.EnvironmentName);
        Assert.Equal("http://127.0.0.1:9", qa.BaseUrlFor(qa.Documents[0], "http://127.0.0.1:9"));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void An_unknown_env_is_an_error_and_nothing_is_parsed()
    {
        temp.Write(".pacer/config.yaml", Config);
        var flow = temp.Write("a.flow.md", "```kest\nGET /a\n```\n");

        Assert.Null(FlowInputs.Read(Context(), [flow], requestedEnv: "prod", suppliedNames: []));
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("prod", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_with_errors_stops_the_command_with_a_count()
    {
        var flow = temp.Write("bad.flow.md", "```kest\nFETCH /a\n```\n");

        Assert.Null(FlowInputs.Read(Context(), [flow], requestedEnv: null, suppliedNames: []));
        Assert.Contains("1 error(s): nothing was run.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("bad.flow.md:2:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_command_supplies_count_as_defined_and_others_do_not()
    {
        var flow = temp.Write("user.flow.md", "```kest\nGET /users/{{user_id}}\n```\n");

        Assert.NotNull(FlowInputs.Read(Context(), [flow], requestedEnv: null, suppliedNames: ["user_id"]));
        Assert.Equal("", error.ToString());
        Assert.Null(FlowInputs.Read(Context(), [flow], requestedEnv: null, suppliedNames: []));
        Assert.Contains("variable `user_id` is not defined", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        temp.Dispose();
        error.Dispose();
    }

    private PacerContext Context() => new(TextWriter.Null, error, temp.Path, _ => null, OutputIsTerminal: false);
}
