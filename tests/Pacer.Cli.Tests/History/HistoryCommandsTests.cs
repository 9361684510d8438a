using Pacer.TestSupport;
using Pacer.Cli.History;
using Pacer.Cli.Tests.Compare;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.TestApi;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.History;

/// <summary><c>pacer run</c> records into .pacer/history.db; <c>pacer history</c> and <c>pacer show</c> read it back.</summary>
public sealed class HistoryCommandsTests : IDisposable
{
    private const string Flow = """
        ```flow
        @name Echo twice
        ```

        ```kest
        @name First echo
        GET /echo?n=1

        [Asserts]
        status == 200
        ```

        ```kest
        @name Second echo
        GET /echo?n=2

        [Asserts]
        status == 201
        ```
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Run_is_recorded_with_its_result_file_and_listed_and_shown()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("echo.flow.md", Flow);

        var run = await PacerCli.RunAsync(temp.Path, "run", "echo.flow.md", "--base-url", server.BaseUrl);
        var history = await PacerCli.RunAsync(temp.Path, "history");
        var show = await PacerCli.RunAsync(temp.Path, "show", "last");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, history.ExitCode);
        Assert.Matches(@"#1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+run\s+FAILED\s+2 steps\s+.*echo\.flow\.md", history.Out);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Run #1: run, FAILED", show.Out, StringComparison.Ordinal);
        Assert.Contains("steps:        2 sent a request, 1 failed", show.Out, StringComparison.Ordinal);
        Assert.Contains("FAILED  Echo twice", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"failed step 2 Second echo: status == 201: got 200", show.Out);

        var resultFile = Assert.Single(Directory.GetFiles(temp.Combine(".pacer/results"), "run-*.json"));
        Assert.Contains("\"name\": \"Second echo\"", await File.ReadAllTextAsync(resultFile, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(resultFile), show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_json_report_points_history_at_that_report()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("echo.flow.md", Flow);

        await PacerCli.RunAsync(temp.Path, "run", "echo.flow.md", "--base-url", server.BaseUrl, "--report", "json=out/run.json");
        var show = await PacerCli.RunAsync(temp.Path, "show", "1");

        Assert.Contains(Path.Combine("out", "run.json"), show.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine(".pacer/results")));
    }

    [Fact]
    public async Task No_history_records_nothing()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("echo.flow.md", Flow);

        await PacerCli.RunAsync(temp.Path, "run", "echo.flow.md", "--base-url", server.BaseUrl, "--no-history");
        var history = await PacerCli.RunAsync(temp.Path, "history");

        Assert.False(File.Exists(temp.Combine(".pacer/history.db")));
        Assert.Contains("No runs recorded yet", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_database_warns_but_the_run_keeps_its_exit_code_and_history_explains()
    {
        await using var server = await TestApiServer.StartAsync();
        temp.Write("echo.flow.md", Flow);
        temp.Write(".pacer/history.db", new string('x', 4096));

        var run = await PacerCli.RunAsync(temp.Path, "run", "echo.flow.md", "--base-url", server.BaseUrl);
        var history = await PacerCli.RunAsync(temp.Path, "history");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("warning: run not recorded in history:", run.Error, StringComparison.Ordinal);
        Assert.Contains("not a readable history database", run.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(temp.Combine(".pacer/results"), "run-*.json"));
        Assert.Equal(3, history.ExitCode);
        Assert.Contains("not a readable history database", history.Error, StringComparison.Ordinal);
        Assert.Equal(new string('x', 4096), await File.ReadAllTextAsync(temp.Combine(".pacer/history.db"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Load_runs_show_their_steps_and_thresholds_and_filter_by_flow()
    {
        var result = LoadResults.Create("Login", 10, 50) with
        {
            Thresholds = [new ThresholdOutcome { Text = "p95<100ms", Metric = "p95", Passed = true, Actual = 48, ActualText = "48ms" }],
        };
        var entry = RunHistory.RecordLoad(temp.Path, result, null, TextWriter.Null);
        RunHistory.RecordLoad(temp.Path, result with { Flows = ["other.flow.md"] }, null, TextWriter.Null);

        var show = await PacerCli.RunAsync(temp.Path, "show", entry!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var filtered = await PacerCli.RunAsync(temp.Path, "history", "--flow", "checkout", "-n", "5");

        Assert.Contains("Run #1: load, passed", show.Out, StringComparison.Ordinal);
        Assert.Contains("requests:     200 (20/s), 0 failed (0%)", show.Out, StringComparison.Ordinal);
        Assert.Matches(@"Login\s+200\s+20/s\s+\d+(\.\d+)?ms", show.Out);
        Assert.Contains("ok   p95<100ms (actual 48ms)", show.Out, StringComparison.Ordinal);
        Assert.Contains("#1", filtered.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("#2", filtered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_run_is_bad_input()
    {
        RunHistory.RecordLoad(temp.Path, LoadResults.Create("Login", 10, 50), null, TextWriter.Null);

        var missing = await PacerCli.RunAsync(temp.Path, "show", "last~5");
        var nonsense = await PacerCli.RunAsync(temp.Path, "show", "yesterday");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no recorded run 'last~5'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, nonsense.ExitCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
