using Pacer.TestSupport;
using System.Text.Json;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.Cli.Tests.TestApi;
using Xunit;

namespace Pacer.Cli.Tests.Monitor;

/// <summary>
/// <c>pacer monitor</c> end to end: a real API that breaks for a few checks and recovers, a real
/// webhook receiver, and the alerts that arrive — exactly one firing and one resolved.
/// </summary>
public sealed class MonitorCommandTests : IDisposable
{
    private const string HealthFlow = """
        ```flow
        @name Shop health
        ```

        ```kest
        @name Health
        GET /health

        [Asserts]
        status == 200
        duration < 1000
        ```
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Api_failing_for_a_few_checks_raises_exactly_one_firing_and_one_resolved_alert()
    {
        await using var api = await ScriptedServer.StartAsync(n => (n is >= 3 and <= 5 ? 503 : 200, TimeSpan.Zero));
        await using var webhook = await ScriptedServer.StartAsync(_ => (200, TimeSpan.Zero));
        temp.Write("health.flow.md", HealthFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "monitor", "health.flow.md", "--base-url", api.BaseUrl, "--every", "100ms", "--checks", "9", "--alert-webhook", webhook.BaseUrl + "/alerts");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var alerts = webhook.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["firing", "resolved"], alerts.Select(a => a.GetProperty("status").GetString()));
        Assert.All(alerts, a =>
        {
            Assert.Equal("step-failed", a.GetProperty("rule").GetString());
            Assert.Equal("Shop health", a.GetProperty("flow").GetString());
            Assert.Equal("Health", a.GetProperty("step").GetString());
        });
        Assert.StartsWith("503", alerts[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("status == 200", alerts[0].GetProperty("threshold").GetString());
        Assert.Equal(alerts[0].GetProperty("since").GetDateTimeOffset(), alerts[1].GetProperty("since").GetDateTimeOffset());
        Assert.Contains("passing again after 3 failing checks", alerts[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(Lines(outcome.Out, "ALERT FIRING"));
        Assert.Single(Lines(outcome.Out, "ALERT RESOLVED"));
        Assert.Equal(9, api.Requests);
    }

    [Fact]
    public async Task Slow_api_breaks_the_duration_budget_and_a_flaky_webhook_still_gets_one_alert_per_change()
    {
        // Checks 3 and 4 take 1.8 s against a 1 s budget; the webhook refuses its first two posts.
        await using var api = await ScriptedServer.StartAsync(n => (200, n is 3 or 4 ? TimeSpan.FromMilliseconds(1800) : TimeSpan.Zero));
        await using var webhook = await ScriptedServer.StartAsync(n => (n <= 2 ? 500 : 200, TimeSpan.Zero));
        temp.Write("health.flow.md", HealthFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "monitor", "health.flow.md", "--base-url", api.BaseUrl, "--every", "100ms", "--checks", "7", "--alert-webhook", webhook.BaseUrl + "/alerts");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var accepted = webhook.Received.Where(r => r.Status == 200).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["firing", "resolved"], accepted.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal("duration < 1000", accepted[0].GetProperty("threshold").GetString());
        Assert.Equal([500, 500, 200, 200], webhook.Received.Select(r => r.Status));
        Assert.Single(webhook.Received.Take(3).Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task Threshold_over_a_window_fires_on_the_error_rate_and_ends_failing_with_exit_1()
    {
        // From request 4 on every check fails: errors over the last 3 checks pass 1/3 first, then exceed it.
        await using var api = await ScriptedServer.StartAsync(n => (n >= 4 ? 500 : 200, TimeSpan.Zero));
        temp.Write("health.flow.md", HealthFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "monitor", "health.flow.md", "--base-url", api.BaseUrl, "--every", "100ms", "--checks", "6", "--window", "3", "--threshold", "errors<50%");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(Lines(outcome.Out, "ALERT FIRING Shop health › Health [step-failed]"));
        var threshold = Assert.Single(Lines(outcome.Out, "ALERT FIRING Shop health [errors<50%]"));
        Assert.Contains("value=66.667%", threshold, StringComparison.Ordinal);
        Assert.Contains("2 rule(s) still failing", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_bounds_the_run_and_the_metrics_endpoint_serves_checks_and_rule_states()
    {
        await using var api = await ScriptedServer.StartAsync(_ => (200, TimeSpan.Zero));
        temp.Write("health.flow.md", HealthFlow);
        var port = FreePort.Find();

        var monitor = PacerCli.RunAsync(temp.Path, "monitor", "health.flow.md", "--base-url", api.BaseUrl, "--every", "100ms", "--for", "3s", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var scrape = await ScrapeWhenReadyAsync(port, "pacer_threshold_ok");
        var outcome = await monitor;

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"monitor stopped after \d+ check\(s\): all rules passing", outcome.Out);
        Assert.Contains("pacer_threshold_ok{flow=\"Shop health\",threshold=\"step-failed[Health]\"} 1", scrape, StringComparison.Ordinal);
        Assert.Matches("pacer_requests_total\\{step=\"Shop health › Health\",result=\"ok\"\\} [1-9]", scrape);
        Assert.Contains("pacer_request_duration_seconds_bucket{step=\"Shop health › Health\",le=\"+Inf\"}", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_ends_gracefully_with_exit_3_and_still_sends_the_final_otlp_push()
    {
        await using var api = await ScriptedServer.StartAsync(_ => (200, TimeSpan.Zero));
        await using var collector = await ScriptedServer.StartAsync(_ => (200, TimeSpan.Zero));
        temp.Write("health.flow.md", HealthFlow);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        interrupt.CancelAfter(TimeSpan.FromSeconds(1));

        var exit = await PacerApp.RunAsync(
            ["monitor", "health.flow.md", "--base-url", api.BaseUrl, "--every", "100ms", "--otlp", collector.BaseUrl],
            new PacerContext(stdout, stderr, temp.Path, _ => null, OutputIsTerminal: false),
            interrupt.Token);

        Assert.True(exit == 3, $"{exit}\n{stdout}\n{stderr}");
        Assert.Matches(@"monitor interrupted after [1-9]\d* check\(s\): all rules passing", stdout.ToString());
        var push = Assert.Single(collector.Received);
        using var json = JsonDocument.Parse(push.Body);
        Assert.Equal("pacer", json.RootElement.GetProperty("resourceMetrics")[0].GetProperty("scopeMetrics")[0].GetProperty("scope").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("--every", "soon", "--every: expected a duration such as 500ms")]
    [InlineData("--threshold", "p95<<1", "--threshold 'p95<<1'")]
    [InlineData("--alert-webhook", "not a url", "--alert-webhook expects an http(s) URL")]
    [InlineData("--checks", "0", "--checks must be at least 1")]
    public async Task Bad_options_exit_2_before_anything_runs(string option, string value, string message)
    {
        temp.Write("health.flow.md", HealthFlow);

        var outcome = await PacerCli.RunAsync(temp.Path, "monitor", "health.flow.md", "--base-url", "http://127.0.0.1:9", option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();

    private static List<string> Lines(string text, string containing) =>
        [.. text.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal))];

    private static async Task<string> ScrapeWhenReadyAsync(int port, string mustContain)
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                var body = await client.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
                if (body.Contains(mustContain + "{", StringComparison.Ordinal))
                {
                    return body;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the metrics endpoint never showed a rule state");
    }
}
