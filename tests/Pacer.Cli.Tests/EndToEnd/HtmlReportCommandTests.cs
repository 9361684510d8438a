using Pacer.TestSupport;
using Pacer.Cli.Tests.TestApi;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary><c>pacer report results.json --html</c> and <c>pacer run --report html=PATH</c>, end to end.</summary>
public sealed class HtmlReportCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Report_rebuilds_the_html_page_from_a_load_result_file()
    {
        var result = LoadResultOf(requests: 500);
        LoadResultJson.WriteFile(result, temp.Combine("results.json"));

        var outcome = await PacerCli.RunAsync(temp.Path, "report", "results.json", "--html", "out/report.html");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("wrote out/report.html", outcome.Out, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(temp.Combine("out/report.html"), TestContext.Current.CancellationToken);
        Assert.Contains("data-metric=\"requests\" data-value=\"500\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"latency-distribution\" data-points=\"36\" data-total=\"500\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_also_writes_the_markdown_summary_and_junit_thresholds()
    {
        LoadResultJson.WriteFile(LoadResultOf(requests: 200), temp.Combine("results.json"));

        var outcome = await PacerCli.RunAsync(temp.Path, "report", "results.json", "--markdown", "summary.md", "--junit", "ci/load.xml", "--report", "html=page.html");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("200", await File.ReadAllTextAsync(temp.Combine("summary.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("<testsuites", await File.ReadAllTextAsync(temp.Combine("ci/load.xml"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("data-report=\"load\"", await File.ReadAllTextAsync(temp.Combine("page.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null, "missing.json: no such file")]
    [InlineData("broken.json", "{ not json", "broken.json: not a Pacer result file")]
    [InlineData("other.json", """{"kind": "monitor"}""", "other.json: not a Pacer load result file")]
    [InlineData("run.json", """{"version": 1, "tool": "pacer", "passed": true, "files": []}""", "run.json: this is a functional run report")]
    public async Task Bad_input_names_the_file_and_exits_2(string name, string? content, string message)
    {
        if (content is not null)
        {
            temp.Write(name, content);
        }

        var outcome = await PacerCli.RunAsync(temp.Path, "report", name, "--html", "out.html");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("out.html")));
    }

    [Fact]
    public async Task Report_without_an_output_says_which_to_give()
    {
        LoadResultJson.WriteFile(LoadResultOf(requests: 10), temp.Combine("results.json"));

        var outcome = await PacerCli.RunAsync(temp.Path, "report", "results.json");

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Contains("--html PATH", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_report_html_writes_each_step_with_its_request_and_response()
    {
        await using var server = await TestApiServer.StartAsync();
        var flow = temp.Write("login.flow.md", """
            ```kest
            @name Log in
            POST /api/login
            Content-Type: application/json

            {"username": "admin", "password": "secret"}

            [Asserts]
            status == 200
            ```

            ```kest
            @name Wrong status
            GET /api/counter

            [Asserts]
            status == 201
            ```
            """);

        var outcome = await PacerCli.RunAsync(temp.Path, "run", flow, "--base-url", server.BaseUrl, "--report", "html=out/run.html");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var html = await File.ReadAllTextAsync(temp.Combine("out/run.html"), TestContext.Current.CancellationToken);
        Assert.Contains("data-step=\"Log in\" data-status=\"passed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Wrong status\" data-status=\"failed\" open", html, StringComparison.Ordinal);
        Assert.Contains("&quot;username&quot;: &quot;admin&quot;", html, StringComparison.Ordinal);
        Assert.Contains("data-assertion=\"status == 201\" data-passed=\"false\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private static LoadResult LoadResultOf(int requests)
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < requests; i++)
        {
            histogram.RecordNanoseconds(5_000_000L + (i * 97_000L));
        }

        return new LoadResult
        {
            DurationSeconds = 5,
            Flows = ["smoke.flow.md"],
            Executor = new LoadExecutorInfo { Type = "constant-vus" },
            Passed = true,
            Summary = new LoadResultSummary { Requests = requests, Rps = requests / 5.0, LatencyMs = new LatencyMilliseconds { P95 = histogram.ValueAtPercentile(95) / 1e6 } },
            TimeSeries = [.. Enumerable.Range(0, 5).Select(s => new LoadTimePoint { Second = s, Requests = requests / 5, Vus = 4 })],
            Histograms = new LoadResultHistograms { Overall = histogram.ToData() },
        };
    }
}
