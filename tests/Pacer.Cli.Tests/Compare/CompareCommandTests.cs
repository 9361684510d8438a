using Pacer.TestSupport;
using Pacer.Cli.History;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Cli.Tests.Compare;

/// <summary><c>pacer compare</c> over result files and history references, with its exit codes.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Same_results_exit_0_with_a_table_of_every_metric()
    {
        Save("base.json", LoadResults.Create("Login", 10, 50));
        Save("current.json", LoadResults.Create("Login", 10, 51));

        var outcome = await PacerCli.RunAsync(temp.Path, "compare", "base.json", "current.json");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"Login\s+p95\s+", outcome.Out);
        Assert.Matches(@"Login\s+errors\s+0%\s+0%\s+\+0%\s+same", outcome.Out);
        Assert.Contains("Verdict: same", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regression_exits_1_and_names_what_regressed()
    {
        Save("base.json", LoadResults.Create("Login", 10, 50));
        Save("current.json", LoadResults.Create("Login", 10, 90));

        var outcome = await PacerCli.RunAsync(temp.Path, "compare", "base.json", "current.json", "--tolerance", "10%");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Verdict: REGRESSED (", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Login p99", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_baselines_widen_what_counts_as_noise()
    {
        Save("a.json", LoadResults.Create("Login", 10, 50));
        Save("b.json", LoadResults.Create("Login", 10, 80));
        Save("current.json", LoadResults.Create("Login", 10, 85));

        var noisy = await PacerCli.RunAsync(temp.Path, "compare", "a.json", "b.json", "current.json");
        var single = await PacerCli.RunAsync(temp.Path, "compare", "a.json", "current.json");

        Assert.Equal(0, noisy.ExitCode);
        Assert.Contains("Compared with 2 baselines", noisy.Out, StringComparison.Ordinal);
        Assert.Equal(1, single.ExitCode);
    }

    [Fact]
    public async Task History_references_resolve_to_recorded_load_results()
    {
        RunHistory.RecordLoad(temp.Path, LoadResults.Create("Login", 10, 50), null, TextWriter.Null);
        RunHistory.RecordLoad(temp.Path, LoadResults.Create("Login", 10, 100), null, TextWriter.Null);

        var regressed = await PacerCli.RunAsync(temp.Path, "compare", "last~1", "last");
        var improved = await PacerCli.RunAsync(temp.Path, "compare", "2", "1");

        Assert.Equal(1, regressed.ExitCode);
        Assert.Equal(0, improved.ExitCode);
        Assert.Matches(@"Login\s+p99\s+.*improved", improved.Out);
    }

    [Theory]
    [InlineData("missing.json", "current.json", "missing.json: no such file")]
    [InlineData("last", "current.json", "last: no such load run")]
    [InlineData("garbage.json", "current.json", "garbage.json: not a Pacer result file")]
    public async Task Bad_inputs_exit_2_with_the_reason(string baseline, string current, string message)
    {
        Save("current.json", LoadResults.Create("Login", 10, 50));
        temp.Write("garbage.json", "{ not json");

        var outcome = await PacerCli.RunAsync(temp.Path, "compare", baseline, current);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_tolerance_and_a_single_file_are_usage_errors()
    {
        Save("current.json", LoadResults.Create("Login", 10, 50));

        var tolerance = await PacerCli.RunAsync(temp.Path, "compare", "current.json", "current.json", "--tolerance", "lots");
        var single = await PacerCli.RunAsync(temp.Path, "compare", "current.json");

        Assert.Equal(2, tolerance.ExitCode);
        Assert.Contains("--tolerance expects a percentage", tolerance.Error, StringComparison.Ordinal);
        Assert.Equal(2, single.ExitCode);
    }

    public void Dispose() => temp.Dispose();

    private void Save(string name, LoadResult result) => LoadResultJson.WriteFile(result, temp.Combine(name));
}
