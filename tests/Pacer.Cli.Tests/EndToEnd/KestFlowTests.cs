using Pacer.TestSupport;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>
/// The "done when": a kest-style flow passes unchanged against the live API, fails when the
/// API answers wrongly or slowly, and a syntax error in it gives exit 2 with its line.
/// </summary>
public sealed class KestFlowTests : IDisposable
{
    /// <summary>Written the way published kest files are: ```step blocks, `- ` prefixes, `=` captures, [Data], trailing comments.</summary>
    public const string KestFlow = """
        # Project API

        ```flow
        @flow id=project-api
        @name Project API smoke
        @description written for kest
        ```

        ## Login

        ```step
        @name login
        POST /api/login
        Content-Type: application/json

        [Data]
        {"username": "{{username | default: "admin"}}", "password": "{{password | default: \"Test@123\"}}"}

        [Asserts]
        - status == 200
        - body.code == 0
        - duration < 3000ms

        [Captures]
        - token = data.token
        ```

        ## Create a project

        ```kest
        POST /api/projects
        Authorization: Bearer {{token}}
        Content-Type: application/json

        {"name": "Perf Test Project {{$timestamp}}"}

        [Captures]
        project_id = data.id

        [Asserts]
        status in [200, 201]   // created
        body.code == 0
        body.data.id exists
        body.data.name contains "Perf Test Project"
        duration < 3s
        ```

        ## Read it

        ```kest
        GET /api/projects/{{project_id}}
        Authorization: Bearer {{token}}

        [Asserts]
        status == 200
        body.code = 0
        body.data.id == {{project_id}}
        duration < 3000
        ```
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Kest_flow_passes_unchanged_against_the_live_api()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("project.flow.md", KestFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(3, CountOf(outcome.Out, "✓"));
        Assert.Single(server.State.Projects);
        Assert.StartsWith("Perf Test Project 1", server.State.Projects.Values.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ServerMode.WrongAnswers)]
    [InlineData(ServerMode.ServerErrors)]
    public async Task Kest_flow_fails_when_the_api_answers_wrongly(ServerMode mode)
    {
        await using var server = await TestApiServer.StartAsync();
        server.Mode = mode;
        var flow = temp.Write("project.flow.md", KestFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("body.code == 0", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: needs token from step 1", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kest_flow_fails_when_the_api_is_slower_than_its_budget()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Mode = ServerMode.Slow;
        var flow = temp.Write("project.flow.md", KestFlow.Replace("duration < 3000ms", "duration < 300ms", StringComparison.Ordinal));

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("✗ duration < 300ms", outcome.Out.Replace("- ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Soft_budgets_turn_a_missed_duration_budget_into_a_warning()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Mode = ServerMode.Slow;
        var flow = temp.Write("project.flow.md", KestFlow.Replace("duration < 3000ms", "duration < 300ms", StringComparison.Ordinal));

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--soft-budgets", "--report", "json=out/run.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.Combine("out/run.json")));
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.True(summary.GetProperty("warnings").GetInt32() > 0, outcome.ToString());
    }

    [Fact]
    public async Task Soft_budgets_still_fail_every_other_assertion()
    {
        await using var server = await TestApiServer.StartAsync();
        server.Mode = ServerMode.WrongAnswers;
        var flow = temp.Write("project.flow.md", KestFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--soft-budgets");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("body.code == 0", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_error_gives_exit_2_with_its_line_and_runs_nothing()
    {
        await using var server = await TestApiServer.StartAsync();
        var broken = KestFlow.Replace("body.data.id exists", "body.data.id existz", StringComparison.Ordinal);
        var flow = temp.Write("project.flow.md", broken);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("existz", StringComparison.Ordinal)) + 1;

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains($"project.flow.md:{line}:", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was run", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(server.State.RequestLog);
    }

    public void Dispose() => temp.Dispose();

    internal static int CountOf(string text, string token) => text.Split(token).Length - 1;
}
