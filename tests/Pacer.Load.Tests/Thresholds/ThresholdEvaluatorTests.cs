using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Load.Metrics;
using Pacer.Load.Thresholds;
using Xunit;

namespace Pacer.Load.Tests.Thresholds;

public sealed class ThresholdEvaluatorTests
{
    private static readonly LoadSummary Summary = BuildSummary();

    // 100 requests overall at 1..100 ms over 10 s; step Login 10 requests at 500 ms, 1 of them 5xx; step Browse the rest, 2 timeouts.
    private static LoadSummary BuildSummary()
    {
        var metrics = new LoadMetrics();
        for (var i = 1; i <= 90; i++)
        {
            metrics.RecordRequest("Browse", TimeSpan.FromMilliseconds(i), i <= 2 ? FailureKind.Timeout : null);
        }

        for (var i = 0; i < 10; i++)
        {
            metrics.RecordRequest("Login", TimeSpan.FromMilliseconds(500), i == 0 ? FailureKind.ServerError5xx : null);
        }

        return metrics.Snapshot(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("p50<=51ms", true)]
    [InlineData("p50<44ms", false)]
    [InlineData("p90<=91ms", true)]
    [InlineData("p95>=400ms", true)]
    [InlineData("p99<400ms", false)]
    [InlineData("p99.9<=500ms", true)]
    [InlineData("min>=1ms", true)]
    [InlineData("min>1ms", false)]
    [InlineData("max<500ms", false)]
    [InlineData("max<=500ms", true)]
    [InlineData("avg<100ms", true)]
    [InlineData("avg<90ms", false)]
    [InlineData("errors<5%", true)]
    [InlineData("errors<3%", false)]
    [InlineData("errors<=3%", true)]
    [InlineData("rps>=10", true)]
    [InlineData("rps>10", false)]
    [InlineData("step[Login].p99<800ms", true)]
    [InlineData("step[Login].p50<400ms", false)]
    [InlineData("step[Login].errors<10%", false)]
    [InlineData("step[Login].errors<=10%", true)]
    [InlineData("step[Browse].max<=90ms", true)]
    [InlineData("step[Browse].rps>=9", true)]
    public void Evaluates_each_form_against_the_summary(string text, bool passes)
    {
        var result = ThresholdEvaluator.Evaluate(ThresholdParser.Parse(text), Summary);

        Assert.Equal(passes, result.Passed);
        Assert.NotNull(result.Actual);
    }

    [Fact]
    public void Reports_the_actual_value_in_the_metric_unit()
    {
        var results = ThresholdEvaluator.EvaluateAll(
            [ThresholdParser.Parse("errors<1%"), ThresholdParser.Parse("rps>1000"), ThresholdParser.Parse("max<1s"), ThresholdParser.Parse("step[Login].p50<1s")],
            Summary);

        Assert.Equal(["3%", "10/s", "500ms", "500ms"], results.Select(r => r.ActualText));
        Assert.Equal(0.03, results[0].Actual!.Value, 9);
        Assert.Equal(500e6, results[2].Actual!.Value);
    }

    [Fact]
    public void An_unknown_step_fails_and_says_so()
    {
        var result = ThresholdEvaluator.Evaluate(ThresholdParser.Parse("step[Logn].p99<800ms"), Summary);

        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Equal("no step named 'Logn'", result.ActualText);
    }

    [Fact]
    public void A_latency_threshold_without_requests_fails_but_an_error_rate_passes()
    {
        var empty = new LoadMetrics().Snapshot(TimeSpan.FromSeconds(1));

        Assert.False(ThresholdEvaluator.Evaluate(ThresholdParser.Parse("p95<1s"), empty).Passed);
        Assert.True(ThresholdEvaluator.Evaluate(ThresholdParser.Parse("errors<1%"), empty).Passed);
    }

    [Fact]
    public void Failures_are_counted_by_kind()
    {
        Assert.Equal(2, Summary.Overall.Failures[FailureKind.Timeout]);
        Assert.Equal(1, Summary.Overall.Failures[FailureKind.ServerError5xx]);
        Assert.Equal(3, Summary.Overall.FailureCount);
        Assert.Equal(100, Summary.Overall.Requests);
        Assert.Equal(10, Summary.RequestsPerSecond);
    }
}
