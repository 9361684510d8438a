using Pacer.Core.Plan;
using Xunit;

namespace Pacer.Core.Tests.Plan;

public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p50<150ms", ThresholdMetric.P50, ThresholdOperator.LessThan, 150e6)]
    [InlineData("p90 <= 1s", ThresholdMetric.P90, ThresholdOperator.LessThanOrEqual, 1e9)]
    [InlineData("p95<150ms", ThresholdMetric.P95, ThresholdOperator.LessThan, 150e6)]
    [InlineData("p99 > 800us", ThresholdMetric.P99, ThresholdOperator.GreaterThan, 800e3)]
    [InlineData("p99.9>=2.5s", ThresholdMetric.P999, ThresholdOperator.GreaterThanOrEqual, 2.5e9)]
    [InlineData("max<1m", ThresholdMetric.Max, ThresholdOperator.LessThan, 60e9)]
    [InlineData("avg<20ms", ThresholdMetric.Avg, ThresholdOperator.LessThan, 20e6)]
    [InlineData("min>=1µs", ThresholdMetric.Min, ThresholdOperator.GreaterThanOrEqual, 1e3)]
    [InlineData("errors < 1%", ThresholdMetric.Errors, ThresholdOperator.LessThan, 0.01)]
    [InlineData("errors<=0.5%", ThresholdMetric.Errors, ThresholdOperator.LessThanOrEqual, 0.005)]
    [InlineData("rps > 1000", ThresholdMetric.Rps, ThresholdOperator.GreaterThan, 1000)]
    [InlineData("rps>=2000/s", ThresholdMetric.Rps, ThresholdOperator.GreaterThanOrEqual, 2000)]
    public void Parses_every_metric_and_operator(string text, ThresholdMetric metric, ThresholdOperator op, double limit)
    {
        var threshold = ThresholdParser.Parse(text);

        Assert.Null(threshold.Step);
        Assert.Equal(metric, threshold.Metric);
        Assert.Equal(op, threshold.Operator);
        Assert.Equal(limit, threshold.Limit, limit * 1e-12);
        Assert.Equal(text, threshold.Text);
    }

    [Theory]
    [InlineData("step[Login].p99<800ms", "Login", ThresholdMetric.P99)]
    [InlineData("step[Add to cart].errors<2%", "Add to cart", ThresholdMetric.Errors)]
    [InlineData("  step[Search].rps > 50 ", "Search", ThresholdMetric.Rps)]
    public void Parses_step_scoped_thresholds(string text, string step, ThresholdMetric metric)
    {
        var threshold = ThresholdParser.Parse(text);

        Assert.Equal(step, threshold.Step);
        Assert.Equal(metric, threshold.Metric);
    }

    [Theory]
    [InlineData("", 1, "empty threshold")]
    [InlineData("p97<1s", 1, "unknown metric 'p97'")]
    [InlineData("latency<1s", 1, "unknown metric 'latency'")]
    [InlineData("p95=150ms", 4, "expected an operator")]
    [InlineData("p95", 4, "found the end")]
    [InlineData("p95<", 5, "missing value")]
    [InlineData("p95 < -150ms", 7, "cannot be negative")]
    [InlineData("p95 lessthan 200", 5, "expected an operator (<, <=, >, >= or ==), found 'lessthan'")]
    [InlineData("errors<101%", 8, "at most 100%")]
    [InlineData("p59<1s", 1, "did you mean 'p50'")]
    [InlineData("p95<150xs", 5, "unknown duration unit 'xs'")]
    [InlineData("p95<fast", 5, "expected a duration")]
    [InlineData("errors<1", 9, "percentage")]
    [InlineData("errors<abc%", 8, "expected a number")]
    [InlineData("rps>lots", 5, "expected a number")]
    [InlineData("step[Login.p99<1s", 18, "missing ']'")]
    [InlineData("step[].p99<1s", 6, "empty step name")]
    [InlineData("step[Login]p99<1s", 12, "expected '.'")]
    public void Rejects_malformed_thresholds_with_a_column_and_reason(string text, int column, string reason)
    {
        var error = Assert.Throws<DirectiveSyntaxException>(() => ThresholdParser.Parse(text));

        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_a_caret_under_the_offending_column()
    {
        var error = Assert.Throws<DirectiveSyntaxException>(() => ThresholdParser.Parse("p95<150xs"));

        Assert.Equal("p95<150xs\n    ^ unknown duration unit 'xs' in '150xs' (use us, ms, s, m or h)", error.Render());
    }
}
