using System.Text.Json;
using Pacer.Load.Exposition;
using Xunit;

namespace Pacer.Load.Tests.Exposition;

/// <summary>The OTLP/HTTP JSON push: the document's shape, its numbers, and delivery to a collector on loopback.</summary>
public sealed class OtlpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    private static JsonElement Metric(JsonElement root, string name) =>
        root.GetProperty("resourceMetrics")[0].GetProperty("scopeMetrics")[0].GetProperty("metrics")
            .EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);

    private static string Attribute(JsonElement point, string key) =>
        point.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("value").GetProperty("stringValue").GetString()!;

    [Fact]
    public void Counters_are_cumulative_sums_with_step_and_result_attributes()
    {
        using var json = JsonDocument.Parse(OtlpJson.Write(PrometheusTextTests.Sample(), Start, Start.AddSeconds(12.5)));

        var sum = Metric(json.RootElement, "pacer.requests").GetProperty("sum");
        Assert.Equal(OtlpJson.Cumulative, sum.GetProperty("aggregationTemporality").GetInt32());
        Assert.True(sum.GetProperty("isMonotonic").GetBoolean());
        var points = sum.GetProperty("dataPoints").EnumerateArray().ToList();
        Assert.Equal("7", points.Single(p => Attribute(p, "step") == "Login" && Attribute(p, "result") == "ok").GetProperty("asInt").GetString());
        Assert.Equal(11, points.Sum(p => long.Parse(p.GetProperty("asInt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("1795320000000000000", points[0].GetProperty("startTimeUnixNano").GetString());
        Assert.Equal("1795320012500000000", points[0].GetProperty("timeUnixNano").GetString());
    }

    [Fact]
    public void Histograms_carry_per_bucket_counts_one_more_than_the_bounds()
    {
        using var json = JsonDocument.Parse(OtlpJson.Write(PrometheusTextTests.Sample(), Start, Start.AddSeconds(1)));

        var login = Metric(json.RootElement, "pacer.request.duration").GetProperty("histogram").GetProperty("dataPoints")
            .EnumerateArray().Single(p => Attribute(p, "step") == "Login");
        var counts = login.GetProperty("bucketCounts").EnumerateArray().Select(c => long.Parse(c.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var bounds = login.GetProperty("explicitBounds").EnumerateArray().Select(b => b.GetDouble()).ToList();

        Assert.Equal(LatencyBuckets.BoundsSeconds, bounds);
        Assert.Equal(bounds.Count + 1, counts.Count);
        Assert.Equal(9, counts.Sum());
        Assert.Equal("9", login.GetProperty("count").GetString());

        // 0.4 ms in ≤1 ms; 70 s past the last bound (60 s) in the overflow bucket.
        Assert.Equal(1, counts[0]);
        Assert.Equal(1, counts[^1]);
    }

    [Fact]
    public void Gauges_report_vus_and_threshold_states()
    {
        using var json = JsonDocument.Parse(OtlpJson.Write(PrometheusTextTests.Sample(), Start, Start.AddSeconds(1)));

        Assert.Equal("8", Metric(json.RootElement, "pacer.vus").GetProperty("gauge").GetProperty("dataPoints")[0].GetProperty("asInt").GetString());
        var thresholds = Metric(json.RootElement, "pacer.threshold.ok").GetProperty("gauge").GetProperty("dataPoints").EnumerateArray().ToList();
        Assert.Equal("0", thresholds.Single(p => Attribute(p, "threshold") == "p95<150ms").GetProperty("asInt").GetString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("http://127.0.0.1:4318/", "http://127.0.0.1:4318/v1/metrics")]
    [InlineData("http://127.0.0.1:4318/otlp", "http://127.0.0.1:4318/otlp/v1/metrics")]
    [InlineData("http://127.0.0.1:4318/v1/metrics", "http://127.0.0.1:4318/v1/metrics")]
    public void Collector_urls_gain_the_metrics_path(string given, string expected) =>
        Assert.Equal(expected, OtlpPusher.MetricsUrl(new Uri(given)).ToString());

    [Fact]
    public async Task Pushes_json_to_a_collector_on_loopback_and_once_more_when_stopped()
    {
        await using var collector = new OtlpReceiver();
        var vus = 3;
        var pusher = OtlpPusher.Start(new Uri(collector.Url), () => PrometheusTextTests.Sample() with { ActiveVus = vus }, TimeSpan.FromMilliseconds(100), TextWriter.Null);
        while (collector.Requests.IsEmpty)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        vus = 0;
        await pusher.DisposeAsync();

        var requests = collector.Requests.ToList();
        // A push in flight when stopping may be cut short; the final one carries the totals anyway.
        Assert.True(requests.Count >= 2);
        Assert.True(pusher.Accepted >= 1);
        Assert.All(requests, r => Assert.Equal("POST /v1/metrics HTTP/1.1", r.RequestLine));
        Assert.All(requests, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        using var first = JsonDocument.Parse(requests[0].Body);
        using var last = JsonDocument.Parse(requests[^1].Body);
        Assert.Equal("3", Metric(first.RootElement, "pacer.vus").GetProperty("gauge").GetProperty("dataPoints")[0].GetProperty("asInt").GetString());
        Assert.Equal("0", Metric(last.RootElement, "pacer.vus").GetProperty("gauge").GetProperty("dataPoints")[0].GetProperty("asInt").GetString());
    }

    [Fact]
    public async Task An_unreachable_collector_is_a_warning_not_a_failure()
    {
        using var log = new StringWriter();
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var pusher = OtlpPusher.Start(new Uri($"http://127.0.0.1:{port}"), () => MetricsSnapshot.Empty, TimeSpan.FromHours(1), log);
        await pusher.DisposeAsync();

        Assert.Equal(0, pusher.Accepted);
        Assert.Contains("warning: OTLP push to", log.ToString(), StringComparison.Ordinal);
    }
}
