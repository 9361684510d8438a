using Pacer.Load.Comparison;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Load.Tests.Comparison;

public sealed class ExecutorDifferenceTests
{
    [Fact]
    public void A_vu_run_compared_with_a_rate_run_says_the_executors_differ_and_why_it_matters()
    {
        var vus = Run("constant-vus", ("vus", "20"), ("duration", "10s"));
        var rate = Run("constant-arrival-rate", ("rate", "500/s"), ("duration", "10s"));

        var comparison = BaselineComparison.Compare([vus], rate);
        using var output = new StringWriter();
        ComparisonTextRenderer.Render(comparison, output);

        var note = Assert.Single(comparison.Notes);
        Assert.StartsWith("the runs used different executors: baseline constant-vus (duration=10s, vus=20), current constant-arrival-rate (duration=10s, rate=500/s).", note, StringComparison.Ordinal);
        Assert.Contains("closed model", note, StringComparison.Ordinal);
        Assert.Contains("Note: the runs used different executors", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(runs driven differently: see the note above)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_executor_with_other_settings_is_named_too_but_a_merge_count_or_warm_up_is_not_a_difference()
    {
        var twenty = Run("constant-vus", ("vus", "20"), ("duration", "10s"), ("warmup", "3s"));
        var fifty = Run("constant-vus", ("vus", "50"), ("duration", "10s"));
        var twentyMerged = Run("constant-vus", ("vus", "20"), ("duration", "10s"), ("merged_files", "2"));

        Assert.Equal(
            "the runs used different constant-vus settings: baseline duration=10s, vus=20, current duration=10s, vus=50; latency and requests/s were measured under different load.",
            Assert.Single(BaselineComparison.Compare([twenty], fifty).Notes));
        Assert.Empty(BaselineComparison.Compare([twenty], twentyMerged).Notes);
    }

    [Fact]
    public void The_comparison_is_kept_for_the_result_file_with_its_notes_and_rows()
    {
        var baseline = Run("constant-vus", ("vus", "20"));
        var current = Run("constant-arrival-rate", ("rate", "500/s"));

        var record = ComparisonRecord.Of(BaselineComparison.Compare([baseline], current), [baseline]);

        Assert.Equal("same", record.Verdict);
        Assert.Single(record.Notes);
        Assert.Equal("constant-vus", Assert.Single(record.Baselines).Executor.Type);
        Assert.Equal(["(overall)", "Login"], record.Metrics.Select(m => m.Step).Distinct());
        Assert.Equal(["p50", "p95", "p99", "rps", "errors"], record.Metrics.Where(m => m.Step == "Login").Select(m => m.Metric));
    }

    private static LoadResult Run(string type, params (string Key, string Value)[] settings) =>
        new LoadResultBuilder().Step("Login", LoadResultBuilder.Spread(10, 50)).Build() with
        {
            Executor = new LoadExecutorInfo { Type = type, Settings = settings.ToDictionary(s => s.Key, s => s.Value) },
        };
}
