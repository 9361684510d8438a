using System.Globalization;
using System.Text.RegularExpressions;
using Storefront.Api.Infrastructure.Metrics;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed partial class MetricsTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_are_valid_prometheus_text_with_route_templates_and_database_stats()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        await user.Client.GetAsync("/api/v1/users/me", Ct);
        await factory.CreateClient().GetAsync("/api/v1/nope", Ct);

        var response = await factory.CreateClient().GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var samples = ExpositionParser.Parse(text);
        Assert.Contains(samples, s => s.Name == "storefront_http_requests_total"
            && s.Labels["route"] == "/api/v1/users/me" && s.Labels["status"] == "200" && s.Labels["method"] == "GET");
        Assert.Contains(samples, s => s.Name == "storefront_http_requests_total" && s.Labels["route"] == "unmatched" && s.Labels["status"] == "404");
        Assert.DoesNotContain(samples, s => s.Labels.TryGetValue("route", out var route) && route.Contains("nope", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Name == "storefront_http_requests_in_flight" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "storefront_db_commands_total" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "storefront_db_connections_opened_total" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "storefront_db_connections_open");
    }

    [Fact]
    public void Histograms_are_cumulative_and_end_with_the_count()
    {
        var metrics = new HttpMetrics();
        metrics.RequestStarted();
        metrics.RequestFinished("GET", "/a", 200, 0.003);
        metrics.RequestStarted();
        metrics.RequestFinished("GET", "/a", 200, 0.2);
        metrics.RequestStarted();
        metrics.RequestFinished("GET", "/a", 200, 30);

        var samples = ExpositionParser.Parse(PrometheusTextWriter.Write(metrics, new DatabaseConnectionMetrics(), "sqlite"));

        var buckets = samples.Where(s => s.Name == "storefront_http_request_duration_seconds_bucket").ToList();
        Assert.Equal(HttpMetrics.BucketBounds.Length + 1, buckets.Count);
        Assert.Equal(1, buckets.Single(b => b.Labels["le"] == "0.005").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "0.25").Value);
        Assert.Equal(2, buckets.Single(b => b.Labels["le"] == "10").Value);
        Assert.Equal(3, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        Assert.Equal(3, samples.Single(s => s.Name == "storefront_http_request_duration_seconds_count").Value);
        Assert.Equal(30.203, samples.Single(s => s.Name == "storefront_http_request_duration_seconds_sum").Value, 3);
        Assert.Equal(0, samples.Single(s => s.Name == "storefront_http_requests_in_flight").Value);
    }

    [Fact]
    public void Label_values_are_escaped_and_survive_a_round_trip()
    {
        const string route = "/odd/\"quoted\"/back\\slash/new\nline";
        var metrics = new HttpMetrics();
        metrics.RequestStarted();
        metrics.RequestFinished("GET", route, 200, 0.01);

        var text = PrometheusTextWriter.Write(metrics, new DatabaseConnectionMetrics(), "provider \"x\"");

        Assert.Equal("a\\\"b\\\\c\\nd", PrometheusTextWriter.EscapeLabelValue("a\"b\\c\nd"));
        var samples = ExpositionParser.Parse(text);
        Assert.Contains(samples, s => s.Name == "storefront_http_requests_total" && s.Labels["route"] == route);
        Assert.Contains(samples, s => s.Name == "storefront_db_commands_total" && s.Labels["provider"] == "provider \"x\"");
    }

    /// <summary>A strict line-by-line reader of the text exposition format 0.0.4.</summary>
    private static class ExpositionParser
    {
        public static List<Sample> Parse(string text)
        {
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            var typed = new Dictionary<string, string>(StringComparer.Ordinal);
            var samples = new List<Sample>();
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                if (line.StartsWith("# HELP ", StringComparison.Ordinal))
                {
                    Assert.Matches(HelpLine(), line);
                    continue;
                }

                if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
                {
                    var match = TypeLine().Match(line);
                    Assert.True(match.Success, $"Bad TYPE line: {line}");
                    Assert.True(typed.TryAdd(match.Groups[1].Value, match.Groups[2].Value), $"TYPE declared twice: {line}");
                    continue;
                }

                var sample = SampleLine().Match(line);
                Assert.True(sample.Success, $"Not a valid sample line: {line}");
                var name = sample.Groups["name"].Value;
                var family = typed.Keys.FirstOrDefault(f => name == f || name == f + "_bucket" || name == f + "_sum" || name == f + "_count");
                Assert.True(family is not null, $"Sample before its TYPE: {line}");
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (Match label in LabelPair().Matches(sample.Groups["labels"].Value))
                {
                    labels.Add(label.Groups[1].Value, Unescape(label.Groups[2].Value));
                }

                var value = sample.Groups["value"].Value;
                samples.Add(new Sample(name, labels, value == "+Inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture)));
            }

            return samples;
        }

        private static string Unescape(string value) => UnescapeSequence().Replace(value, m => m.Value[1] switch
        {
            'n' => "\n",
            var c => c.ToString(),
        });
    }

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    [GeneratedRegex(@"^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*""(?:,[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"")*)\})? (?<value>[-+]?(?:[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|\+Inf|NaN))$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex LabelPair();

    [GeneratedRegex(@"\\[\\""n]")]
    private static partial Regex UnescapeSequence();
}
