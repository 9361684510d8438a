using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Pacer.Reports.Load;
using Xunit;

namespace Pacer.Reports.Tests.Load;

public sealed class LoadConsoleReporterTests
{
    [Fact]
    public void Summary_without_colour_has_every_number_step_and_threshold_and_no_escape_codes()
    {
        var result = SampleLoadResult.Create(aborted: "interrupted (Ctrl-C)");
        using var output = new StringWriter();

        new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: false).RenderSummary(result);

        var text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("FAILED  load run: 2 of 3 thresholds passed", text, StringComparison.Ordinal);
        Assert.Contains("Aborted: interrupted (Ctrl-C)", text, StringComparison.Ordinal);
        Assert.Contains("12,000  (1200/s)", text, StringComparison.Ordinal);
        Assert.Contains("30  (0.25%): 5xx 30", text, StringComparison.Ordinal);
        var latency = result.Summary.LatencyMs;
        Assert.Contains($"min {LoadFormatting.Milliseconds(latency.Min)}  p50 {LoadFormatting.Milliseconds(latency.P50)}  p90 {LoadFormatting.Milliseconds(latency.P90)}  p95 {LoadFormatting.Milliseconds(latency.P95)}  p99 {LoadFormatting.Milliseconds(latency.P99)}  max {LoadFormatting.Milliseconds(latency.Max)}  mean {LoadFormatting.Milliseconds(latency.Mean)}", text, StringComparison.Ordinal);
        Assert.Contains("1,970 completed, 30 failed, 4 dropped (of 2,000 started)", text, StringComparison.Ordinal);
        Assert.Contains("5 MiB in, 700 KiB out", text, StringComparison.Ordinal);
        Assert.Contains("peak VUs", text, StringComparison.Ordinal);
        Assert.Contains("httpclient: the target is HTTP/2 only", text, StringComparison.Ordinal);
        Assert.Contains("constant-vus (vus=64, duration=10s)", text, StringComparison.Ordinal);
        Assert.Contains("Login  POST {{base}}/auth/login", text, StringComparison.Ordinal);
        Assert.Contains("<30ms: 1,000 over", text, StringComparison.Ordinal);
        Assert.Contains("<100ms met", text, StringComparison.Ordinal);
        Assert.Contains("Login  5xx 503: HTTP 503  body: {\"error\": \"overloaded\"}", text, StringComparison.Ordinal);
        Assert.Matches(@"FAIL  errors<0\.1%\s+actual 0\.25%", text);
        Assert.Matches(@"pass  p95<150ms\s+actual 33\.9ms", text);
        Assert.Matches(@"pass  step\[Login\]\.p99 < 800ms\s+actual 39\.8ms", text);
    }

    [Fact]
    public void Summary_with_colour_paints_the_verdict()
    {
        using var output = new StringWriter();

        new LoadConsoleReporter(output, new ConsoleStyle(true), interactive: false).RenderSummary(SampleLoadResult.Create());

        Assert.Contains('\u001b', output.ToString());
    }

    [Fact]
    public async Task Without_a_terminal_progress_is_one_greppable_line_per_second()
    {
        using var output = new StringWriter();
        var reporter = new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: false);

        var answer = await reporter.ShowProgressAsync(observer =>
        {
            observer.OnMessage("using the engine");
            observer.OnProgress(Progress(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
            observer.OnProgress(Progress(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), failures: 12));
            return Task.FromResult(42);
        });

        Assert.Equal(42, answer);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "using the engine",
                "progress 1s/30s vus=64 rps=1234.5/s p95=12.5ms requests=1000 errors=0% dropped=3 thresholds=ok",
                "progress 2s/30s vus=64 rps=1234.5/s p95=12.5ms requests=1000 errors=1.2% dropped=3 thresholds=failing(errors<1%)",
            ],
            lines);
    }

    [Fact]
    public async Task Long_runs_print_every_ten_seconds_but_a_threshold_change_at_once()
    {
        using var output = new StringWriter();
        var reporter = new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: false);

        await reporter.ShowProgressAsync(observer =>
        {
            for (var second = 1; second <= 25; second++)
            {
                observer.OnProgress(Progress(TimeSpan.FromSeconds(second), TimeSpan.FromMinutes(30), failures: second >= 13 ? 50 : 0));
            }

            return Task.FromResult(0);
        });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["1s/", "10s/", "13s/", "20s/"], lines.Select(l => l.Split(' ')[1][..(l.Split(' ')[1].IndexOf('/', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public async Task Iteration_runs_without_a_known_end_show_elapsed_only()
    {
        using var output = new StringWriter();

        await new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: false).ShowProgressAsync(observer =>
        {
            observer.OnProgress(Progress(TimeSpan.FromSeconds(3), total: null));
            return Task.FromResult(0);
        });

        Assert.StartsWith("progress 3s vus=64", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_the_live_panel_shows_steps_thresholds_and_messages_and_returns_the_run_result()
    {
        using var output = new StringWriter();
        var reporter = new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: true);

        var answer = await reporter.ShowProgressAsync(observer =>
        {
            observer.OnProgress(Progress(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
            observer.OnMessage("setup done: token shared with 64 VUs");
            observer.OnProgress(Progress(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), failures: 12));
            return Task.FromResult("done");
        });

        Assert.Equal("done", answer);
        var text = output.ToString();
        Assert.Contains("setup done: token shared with 64 VUs", text, StringComparison.Ordinal);
        Assert.Contains("5s / 10s", text, StringComparison.Ordinal);
        Assert.Contains("50%", text, StringComparison.Ordinal);
        Assert.Contains("Login", text, StringComparison.Ordinal);
        Assert.Contains("1234.5/s", text, StringComparison.Ordinal);
        Assert.Contains("FAIL", text, StringComparison.Ordinal);
        Assert.Contains("errors<1%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31m", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_after_the_run_ended_is_ignored_rather_than_drawn_over_the_summary()
    {
        using var output = new StringWriter();
        var reporter = new LoadConsoleReporter(output, new ConsoleStyle(false), interactive: true);
        ILoadObserver? kept = null;

        await reporter.ShowProgressAsync(observer =>
        {
            kept = observer;
            return Task.FromResult(0);
        });
        var before = output.ToString();
        kept!.OnProgress(Progress(TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10)));

        Assert.Equal(before, output.ToString());
    }

    private static LoadProgress Progress(TimeSpan elapsed, TimeSpan? total, long failures = 0) =>
        new(
            elapsed,
            total,
            ActiveVus: 64,
            RequestsPerSecond: 1234.5,
            P95Ms: 12.5,
            Requests: 1000,
            Failures: failures,
            DroppedIterations: 3,
            Steps: [new LoadProgressStep("Login", 1000, 12.5, failures / 1000.0, SlaViolations: 2)],
            Thresholds: [new ThresholdOutcome { Text = "errors<1%", Metric = "errors", Passed = failures < 10, ActualText = $"{failures / 10.0}%" }]);
}
