using Pacer.Load.Comparison;
using Pacer.Load.Results;
using Xunit;
using static Pacer.Load.Tests.Comparison.LoadResultBuilder;

namespace Pacer.Load.Tests.Comparison;

public sealed class BaselineComparisonTests
{
    private static LoadResult Run(double loginFrom, double loginTo, int requests = 200, long failures = 0, double seconds = 10) =>
        new LoadResultBuilder(seconds)
            .Step("Login", Spread(loginFrom, loginTo, requests), failures)
            .Step("Browse", Spread(5, 15, 200))
            .Build();

    [Fact]
    public void Identical_runs_are_the_same_on_every_metric()
    {
        var result = BaselineComparison.Compare([Run(10, 50)], Run(10, 50), 0.10);

        Assert.False(result.Regressed);
        Assert.Equal(ComparisonVerdict.Same, result.Verdict);
        Assert.All(result.Steps.Append(result.Overall).SelectMany(s => s.Metrics), m => Assert.Equal(ComparisonVerdict.Same, m.Verdict));
        Assert.All(result.Overall.Metrics, m => Assert.Equal(0, m.ChangePercent!.Value, 6));
    }

    [Fact]
    public void Slower_step_beyond_tolerance_regresses_that_step_and_reports_the_change()
    {
        var result = BaselineComparison.Compare([Run(10, 50)], Run(10, 80), 0.10);

        var login = result.Steps.Single(s => s.Name == "Login");
        Assert.Equal(ComparisonVerdict.Regressed, login.Verdict);
        Assert.Equal(ComparisonVerdict.Regressed, login[ComparedMetric.P99].Verdict);
        Assert.Equal(ComparisonVerdict.Same, result.Steps.Single(s => s.Name == "Browse").Verdict);

        // p99 of an even 10..50 spread is ~49.6ms, of 10..80 ~79.3ms: about +60 %.
        Assert.InRange(login[ComparedMetric.P99].ChangePercent!.Value, 55, 65);
        Assert.True(result.Regressed);
    }

    [Fact]
    public void Change_within_tolerance_is_the_same()
    {
        var result = BaselineComparison.Compare([Run(10, 50)], Run(10, 53), 0.10);

        Assert.False(result.Regressed);
        var p99 = result.Steps.Single(s => s.Name == "Login")[ComparedMetric.P99];
        Assert.InRange(p99.ChangePercent!.Value, 4, 9);
        Assert.Equal(ComparisonVerdict.Same, p99.Verdict);
    }

    [Fact]
    public void Faster_than_the_best_baseline_beyond_tolerance_is_improved()
    {
        var result = BaselineComparison.Compare([Run(10, 50)], Run(5, 25), 0.10);

        Assert.Equal(ComparisonVerdict.Improved, result.Steps.Single(s => s.Name == "Login").Verdict);
        Assert.False(result.Regressed);
    }

    [Fact]
    public void With_several_baselines_a_change_inside_their_spread_is_not_a_regression()
    {
        // Baselines p99 ≈ 50 and 70 ms (noisy); current ≈ 74 ms is 26 % over the mean but within 10 % of the worst.
        var baselines = new[] { Run(10, 50), Run(10, 70) };
        var result = BaselineComparison.Compare(baselines, Run(10, 74.5), 0.10);

        var p99 = result.Steps.Single(s => s.Name == "Login")[ComparedMetric.P99];
        Assert.True(p99.ChangePercent > 20);
        Assert.True(p99.SpreadPercent > 30);
        Assert.Equal(ComparisonVerdict.Same, p99.Verdict);
        Assert.False(result.Regressed);
    }

    [Fact]
    public void With_several_baselines_worse_than_the_worst_by_more_than_tolerance_regresses()
    {
        var baselines = new[] { Run(10, 50), Run(10, 70) };
        var result = BaselineComparison.Compare(baselines, Run(10, 80), 0.10);

        Assert.Equal(ComparisonVerdict.Regressed, result.Steps.Single(s => s.Name == "Login")[ComparedMetric.P99].Verdict);
        Assert.True(result.Regressed);
    }

    [Fact]
    public void Lower_throughput_beyond_tolerance_regresses_and_higher_improves()
    {
        var slower = BaselineComparison.Compare([Run(10, 50, seconds: 10)], Run(10, 50, seconds: 12), 0.10);
        var faster = BaselineComparison.Compare([Run(10, 50, seconds: 10)], Run(10, 50, seconds: 8), 0.10);

        Assert.Equal(ComparisonVerdict.Regressed, slower.Overall[ComparedMetric.Rps].Verdict);
        Assert.Equal(ComparisonVerdict.Improved, faster.Overall[ComparedMetric.Rps].Verdict);
    }

    [Fact]
    public void Error_rate_from_zero_regresses_only_beyond_the_absolute_floor()
    {
        // 1 failure in 4000 requests is 0.025 %: under the 0.1-point floor. 10 in 200 is 5 %: a regression.
        var tiny = BaselineComparison.Compare([Run(10, 50, requests: 4000)], Run(10, 50, requests: 4000, failures: 1), 0.10);
        var real = BaselineComparison.Compare([Run(10, 50)], Run(10, 50, failures: 10), 0.10);

        Assert.Equal(ComparisonVerdict.Same, tiny.Steps.Single(s => s.Name == "Login")[ComparedMetric.ErrorRate].Verdict);
        Assert.Equal(ComparisonVerdict.Regressed, real.Steps.Single(s => s.Name == "Login")[ComparedMetric.ErrorRate].Verdict);
    }

    [Fact]
    public void Steps_only_on_one_side_are_listed_without_a_verdict()
    {
        var baseline = new LoadResultBuilder().Step("Login", Spread(10, 50)).Step("Legacy", Spread(10, 50)).Build();
        var current = new LoadResultBuilder().Step("Login", Spread(10, 50)).Step("Checkout", Spread(100, 900)).Build();

        var result = BaselineComparison.Compare([baseline], current, 0.10);

        Assert.Equal(StepPresence.OnlyCurrent, result.Steps.Single(s => s.Name == "Checkout").Presence);
        Assert.Equal(StepPresence.OnlyBaseline, result.Steps.Single(s => s.Name == "Legacy").Presence);
        Assert.Equal(ComparisonVerdict.Same, result.Steps.Single(s => s.Name == "Checkout").Verdict);
    }

    [Theory]
    [InlineData(new[] { 100.0 }, 111.0, ComparisonVerdict.Regressed)]
    [InlineData(new[] { 100.0 }, 109.0, ComparisonVerdict.Same)]
    [InlineData(new[] { 100.0 }, 89.0, ComparisonVerdict.Improved)]
    [InlineData(new[] { 100.0, 120.0 }, 131.0, ComparisonVerdict.Same)]
    [InlineData(new[] { 100.0, 120.0 }, 133.0, ComparisonVerdict.Regressed)]
    [InlineData(new[] { 100.0, 120.0 }, 91.0, ComparisonVerdict.Same)]
    [InlineData(new[] { 100.0, 120.0 }, 89.0, ComparisonVerdict.Improved)]
    public void Latency_verdict_follows_the_worst_and_best_baseline_rule(double[] baselines, double current, ComparisonVerdict expected) =>
        Assert.Equal(expected, BaselineComparison.Judge(ComparedMetric.P95, baselines, current, 0.10));

    [Fact]
    public void Rejects_no_baselines_and_negative_tolerance()
    {
        Assert.Throws<ArgumentException>(() => BaselineComparison.Compare([], Run(10, 50), 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BaselineComparison.Compare([Run(10, 50)], Run(10, 50), -0.1));
    }

    [Fact]
    public void Text_rendering_shows_rows_changes_and_the_regression_verdict()
    {
        var result = BaselineComparison.Compare([Run(10, 50), Run(10, 55)], Run(10, 80), 0.10);
        using var output = new StringWriter();

        ComparisonTextRenderer.Render(result, output);

        var text = output.ToString();
        Assert.Contains("Compared with 2 baselines (tolerance 10%", text, StringComparison.Ordinal);
        Assert.Matches(@"Login\s+p99\s+\d+(\.\d+)?ms\.\.\d+(\.\d+)?ms\s+\d+(\.\d+)?ms\s+\+\d+(\.\d+)?%\s+REGRESSED", text);
        Assert.Matches(@"Browse\s+p50\s+.*\s+same", text);
        Assert.Contains("Verdict: REGRESSED (", text, StringComparison.Ordinal);
        Assert.Contains("Login p99", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10%", 0.10)]
    [InlineData("10", 0.10)]
    [InlineData(" 2.5 % ", 0.025)]
    [InlineData("0%", 0.0)]
    public void Tolerance_is_read_as_a_percentage(string text, double expected)
    {
        Assert.True(ToleranceSyntax.TryParse(text, out var tolerance, out _));
        Assert.Equal(expected, tolerance, 9);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-5%")]
    [InlineData("")]
    public void Bad_tolerance_explains_itself(string text)
    {
        Assert.False(ToleranceSyntax.TryParse(text, out _, out var error));
        Assert.Contains("--tolerance", error, StringComparison.Ordinal);
    }
}
