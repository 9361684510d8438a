using Pacer.Core.Judge;
using Pacer.Load.Exposition;
using Pacer.Load.Metrics;
using Xunit;

namespace Pacer.Load.Tests.Exposition;

public sealed class PrometheusTextTests
{
    internal const string AwkwardStep = "Say \"hi\" \\ to\nme";

    /// <summary>Latencies kept away from bucket bounds so the expected counts are exact.</summary>
    internal static MetricsSnapshot Sample()
    {
        var metrics = new LoadMetrics();
        foreach (var ms in new[] { 0.4, 3, 7, 7, 40, 120, 900 })
        {
            metrics.RecordRequest("Login", TimeSpan.FromMilliseconds(ms));
        }

        metrics.RecordRequest("Login", TimeSpan.FromMilliseconds(45), FailureKind.ServerError5xx);
        metrics.RecordRequest("Login", TimeSpan.FromSeconds(70), FailureKind.Timeout);
        metrics.RecordRequest(AwkwardStep, TimeSpan.FromMilliseconds(2), FailureKind.ConnectionRefused);
        metrics.RecordRequest(AwkwardStep, TimeSpan.FromMilliseconds(20), FailureKind.AssertionFailed);
        metrics.RecordDroppedIteration();
        return new MetricsSnapshot(
            metrics.Snapshot(TimeSpan.FromSeconds(12.5)),
            ActiveVus: 8,
            [new ThresholdState("p95<150ms", Ok: false), new ThresholdState("step[Login].errors<1%", Ok: true)]);
    }

    [Fact]
    public void Every_line_parses_as_strict_exposition_format()
    {
        var families = ExpositionParser.Parse(PrometheusText.Write(Sample()));

        Assert.Equal(
            ["pacer_requests_total", "pacer_checks_total", "pacer_request_duration_seconds", "pacer_vus", "pacer_dropped_iterations_total", "pacer_elapsed_seconds", "pacer_threshold_ok"],
            families.Select(f => f.Name));
        Assert.Equal(["counter", "counter", "histogram", "gauge", "counter", "gauge", "gauge"], families.Select(f => f.Type));
    }

    [Fact]
    public void Requests_are_counted_once_per_result_and_step_with_escaped_labels()
    {
        var requests = ExpositionParser.Parse(PrometheusText.Write(Sample())).Single(f => f.Name == "pacer_requests_total").Samples;

        double Count(string step, string result) => requests.Single(s => s.Labels["step"] == step && s.Labels["result"] == result).Value;
        Assert.Equal(7, Count("Login", "ok"));
        Assert.Equal(1, Count("Login", "5xx"));
        Assert.Equal(1, Count("Login", "timeout"));
        Assert.Equal(0, Count(AwkwardStep, "ok"));
        Assert.Equal(1, Count(AwkwardStep, "connection-refused"));
        Assert.Equal(1, Count(AwkwardStep, "assertion-failed"));
        Assert.Equal(11, requests.Sum(s => s.Value));
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_seconds_matching_the_recorded_latencies()
    {
        var duration = ExpositionParser.Parse(PrometheusText.Write(Sample())).Single(f => f.Name == "pacer_request_duration_seconds").Samples;
        var login = duration.Where(s => s.Labels["step"] == "Login").ToList();

        double Bucket(string le) => login.Single(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal) && s.Labels["le"] == le).Value;

        // Login: 0.4, 3, 7, 7, 40, 45, 120, 900 ms and 70 s.
        Assert.Equal(1, Bucket("0.001"));
        Assert.Equal(2, Bucket("0.005"));
        Assert.Equal(4, Bucket("0.01"));
        Assert.Equal(6, Bucket("0.05"));
        Assert.Equal(7, Bucket("0.25"));
        Assert.Equal(8, Bucket("1"));
        Assert.Equal(8, Bucket("60"));
        Assert.Equal(9, Bucket("+Inf"));
        Assert.Equal(9, login.Single(s => s.Name == "pacer_request_duration_seconds_count").Value);
        Assert.Equal(71.1224, login.Single(s => s.Name == "pacer_request_duration_seconds_sum").Value, 3);
    }

    [Fact]
    public void Gauges_report_vus_and_threshold_states()
    {
        var families = ExpositionParser.Parse(PrometheusText.Write(Sample()));

        Assert.Equal(8, families.Single(f => f.Name == "pacer_vus").Samples.Single().Value);
        Assert.Equal(1, families.Single(f => f.Name == "pacer_dropped_iterations_total").Samples.Single().Value);
        var thresholds = families.Single(f => f.Name == "pacer_threshold_ok").Samples;
        Assert.Equal(0, thresholds.Single(s => s.Labels["threshold"] == "p95<150ms").Value);
        Assert.Equal(1, thresholds.Single(s => s.Labels["threshold"] == "step[Login].errors<1%").Value);
    }

    [Fact]
    public void An_empty_run_is_still_valid_exposition()
    {
        var families = ExpositionParser.Parse(PrometheusText.Write(MetricsSnapshot.Empty));

        Assert.Empty(families.Single(f => f.Name == "pacer_requests_total").Samples);
        Assert.Equal(0, families.Single(f => f.Name == "pacer_vus").Samples.Single().Value);
    }

    [Theory]
    [InlineData("# TYPE x counter\nx 1")]
    [InlineData("x 1\n")]
    [InlineData("# HELP x h\n# TYPE x counter\nx{a=\"b\\t\"} 1\n")]
    [InlineData("# HELP x h\n# TYPE x counter\nx{a=\"b\",a=\"c\"} 1\n")]
    [InlineData("# HELP x h\n# TYPE x counter\nx{1a=\"b\"} 1\n")]
    [InlineData("# HELP x h\n# TYPE x counter\nx -1\n")]
    [InlineData("# HELP x h\n# TYPE x counter\nx one\n")]
    [InlineData("# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# HELP h h\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n")]
    [InlineData("# HELP x h\n# TYPE x gauge\nx 1\n# HELP y h\n# TYPE y gauge\ny 1\nx 2\n")]
    public void The_test_parser_rejects_what_the_format_forbids(string text) =>
        Assert.Throws<FormatException>(() => ExpositionParser.Parse(text));
}
