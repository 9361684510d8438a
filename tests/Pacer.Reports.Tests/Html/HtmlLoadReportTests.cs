using System.Globalization;
using System.Text;
using Pacer.Load.Results;
using Pacer.Reports.Html;
using Xunit;

namespace Pacer.Reports.Tests.Html;

public sealed class HtmlLoadReportTests
{
    [Fact]
    public void Is_one_file_that_fetches_nothing()
    {
        var html = Write(SampleLoad.Create(seconds: 12));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        foreach (var fetch in new[] { "src=\"http", "href=\"http", "<link", "@import", "url(", "fetch(", "XMLHttpRequest", "<script src" })
        {
            Assert.DoesNotContain(fetch, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Error_sample_body_with_a_script_renders_as_text()
    {
        var html = Write(SampleLoad.Create(seconds: 12, checkoutErrorBody: "<script>alert('x')</script><img src=x onerror=alert(1)>"));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_names_and_thresholds_from_the_run_are_escaped()
    {
        var result = SampleLoad.Create(seconds: 12);
        result = result with
        {
            Steps = [result.Steps[0] with { Name = "Login <b>\"admin\"</b>" }],
            Thresholds = [new ThresholdOutcome { Text = "step[<i>].p95<100ms", Metric = "p95", Passed = false, ActualText = "120ms" }],
        };

        var html = Write(result);

        Assert.Contains("data-step=\"Login &lt;b&gt;&quot;admin&quot;&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>step[&lt;i&gt;].p95&lt;100ms</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>\"admin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_each_step_with_its_sla_verdict()
    {
        var result = SampleLoad.Create(seconds: 12);
        var dom = new PageDom(Write(result));

        foreach (var step in result.Steps)
        {
            var row = dom.One("tr", "data-step", step.Name);
            Assert.Equal(step.Requests.ToString(CultureInfo.InvariantCulture), row["data-requests"]);
            var sla = dom.All("span", "data-sla").First(s => s.Position > row.Position);
            Assert.Equal(step.Sla is null ? "none" : step.Sla.Met ? "met" : "missed", sla["data-sla"]);
        }
    }

    [Fact]
    public void Lists_errors_by_kind_with_a_sample_each_and_thresholds_failures_first()
    {
        var result = SampleLoad.Create(seconds: 40);
        result = result with
        {
            Thresholds = [.. result.Thresholds, new ThresholdOutcome { Text = "p99<10ms", Metric = "p99", Passed = false, ActualText = "162ms" }],
            Passed = false,
        };
        var dom = new PageDom(Write(result));

        var kinds = dom.All("tr", "data-kind");
        Assert.Equal(result.Steps.Sum(s => s.FailuresByKind.Count), kinds.Count);
        var fiveHundreds = dom.One("tr", "data-kind", "5xx");
        Assert.Equal(result.Steps.Single(s => s.Name == "Checkout").FailuresByKind["5xx"].ToString(CultureInfo.InvariantCulture), fiveHundreds["data-count"]);
        Assert.Contains("Payment provider unavailable", dom.Html, StringComparison.Ordinal);
        var thresholds = dom.All("tr", "data-threshold");
        Assert.Equal("p99<10ms", thresholds[0]["data-threshold"]);
        Assert.Equal("false", thresholds[0]["data-passed"]);
        Assert.Equal("1", dom.One("div", "data-metric", "thresholds")["data-failed"]);
        Assert.Equal("false", dom.One("span", "data-passed")["data-passed"]);
    }

    [Fact]
    public void Run_without_requests_still_renders_every_section()
    {
        var html = Write(new LoadResult { Executor = new LoadExecutorInfo { Type = "constant-vus" }, Passed = true });
        var dom = new PageDom(html);

        Assert.Equal("0", dom.One("figure", "data-chart", "throughput")["data-points"]);
        Assert.Equal("0", dom.One("figure", "data-chart", "latency-distribution")["data-total"]);
        Assert.Contains("no requests recorded", html, StringComparison.Ordinal);
        Assert.Contains("No request failed.", html, StringComparison.Ordinal);
        Assert.Contains("No thresholds were set", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_why_a_run_stopped_early_and_how_it_was_run()
    {
        var result = SampleLoad.Create(seconds: 12) with
        {
            Aborted = "threshold p95<150ms breached",
            Transport = new LoadTransportInfo { Kind = "httpclient", Reason = "HTTP/2 requested" },
        };

        var html = Write(result);

        Assert.Contains("Stopped early: threshold p95&lt;150ms breached", html, StringComparison.Ordinal);
        Assert.Contains("httpclient — HTTP/2 requested", html, StringComparison.Ordinal);
        Assert.Contains("ramping-vus  (stages=15s:0-&gt;40,30s:40,15s:40-&gt;0)", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 03:00:00 UTC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_file_read_back_renders_the_same_page()
    {
        var result = SampleLoad.Create(seconds: 12);
        using var file = new MemoryStream();
        LoadResultJson.Write(result, file);
        file.Position = 0;

        Assert.Equal(Write(result), Write(LoadResultJson.Read(file, "results.json")));
    }

    internal static string Write(LoadResult result)
    {
        using var stream = new MemoryStream();
        new HtmlReportWriter().Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
