using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>Every executor reached from the command line, end to end, short and small.</summary>
public sealed class ExecutorWiringTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Theory]
    [InlineData("ramping-vus", new[] { "--stages", "500ms:0->3, 500ms:3, 300ms:3->0" })]
    [InlineData("constant-arrival-rate", new[] { "--rate", "40/s", "--duration", "1s", "--max-vus", "5" })]
    [InlineData("ramping-arrival-rate", new[] { "--rate-stages", "500ms:10/s->40/s, 500ms:40/s", "--pre-vus", "2", "--max-vus", "8" })]
    [InlineData("shared-iterations", new[] { "--iterations", "25", "--vus", "5" })]
    public async Task Each_executor_drives_the_flow_and_names_itself_in_the_result(string type, string[] options)
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", LoadCli.OneGet("/ok"));

        var outcome = await LoadCli.RunAsync(temp.Path, ["ok.flow.md", "--base-url", server.BaseUrl, "--out", "r.json", .. options]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(type, result.Executor.Type);
        Assert.True(result.Summary.Requests >= 5, $"{type}: {result.Summary.Requests} requests");
        Assert.Equal(0, result.Summary.Failures);
        Assert.Equal(result.Summary.Requests, result.Summary.Iterations.Completed);
        if (type == "shared-iterations")
        {
            Assert.Equal(25, result.Summary.Requests);
        }
    }

    [Fact]
    public async Task Flow_block_load_and_threshold_directives_apply_and_the_command_line_overrides_them()
    {
        await using var server = await LoadTargetServer.StartAsync();
        temp.Write("ok.flow.md", """
            ```flow
            @load iterations=7 vus=2
            @threshold p50<1us
            ```

            ```kest
            GET /ok

            [Asserts]
            status == 200
            ```
            """);

        var fromFlow = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--out", "a.json");
        var overridden = await LoadCli.RunAsync(temp.Path, "ok.flow.md", "--base-url", server.BaseUrl, "--iterations", "3", "--threshold", "errors<1%", "--out", "b.json");

        Assert.True(fromFlow.ExitCode == 1, fromFlow.ToString());
        Assert.Equal(7, LoadResultJson.ReadFile(temp.Combine("a.json")).Summary.Requests);
        Assert.True(overridden.ExitCode == 0, overridden.ToString());
        var b = LoadResultJson.ReadFile(temp.Combine("b.json"));
        Assert.Equal(3, b.Summary.Requests);
        Assert.Equal("errors<1%", Assert.Single(b.Thresholds).Text);
    }

    [Fact]
    public async Task Several_flows_run_side_by_side_with_the_work_split_and_shared_step_names_prefixed()
    {
        await using var server = await LoadTargetServer.StartAsync();
        var step = """
            ```kest
            @name Home
            GET /ok
            ```
            """;
        temp.Write("flows/a.flow.md", step);
        temp.Write("flows/b.flow.md", step);

        var outcome = await LoadCli.RunAsync(temp.Path, "flows", "--base-url", server.BaseUrl, "--iterations", "10", "--vus", "2",
            "--threshold", "step[a/Home].errors<1%", "--out", "r.json");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var result = LoadResultJson.ReadFile(temp.Combine("r.json"));
        Assert.Equal(["a/Home", "b/Home"], result.Steps.Select(s => s.Name));
        Assert.All(result.Steps, s => Assert.Equal(5, s.Requests));
        Assert.Equal(2, result.Flows.Count);
    }

    public void Dispose() => temp.Dispose();
}
