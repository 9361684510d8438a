using System.Text;
using System.Xml.Linq;
using Pacer.Load.Results;
using Pacer.Reports.Load;
using Xunit;

namespace Pacer.Reports.Tests.Load;

public sealed class LoadReportWriterTests
{
    [Fact]
    public void JUnit_fails_exactly_the_breached_thresholds_and_reports_step_slas_as_output()
    {
        var result = SampleLoadResult.Create();
        var xml = XDocument.Parse(Write(new LoadJUnitReportWriter(), result));

        var root = xml.Root!;
        Assert.False(result.Passed);
        Assert.Equal("5", root.Attribute("tests")!.Value);
        Assert.Equal("1", root.Attribute("failures")!.Value);
        var thresholds = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "thresholds");
        Assert.Equal(3, thresholds.Elements("testcase").Count());
        var failure = Assert.Single(thresholds.Descendants("failure"));
        Assert.Equal("errors<0.1%", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("errors<0.1%: actual 0.25%, limit <0.1%", failure.Attribute("message")!.Value);
        var sla = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "sla");
        Assert.Equal(2, sla.Elements("testcase").Count());
        Assert.Empty(sla.Descendants("failure"));
        var login = sla.Elements("testcase").Single(c => c.Attribute("name")!.Value == "step[Login] duration < 30ms");
        Assert.StartsWith("<30ms: 1,000 over: 1,000 of 2,000 requests (50%) slower", login.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_of_a_passing_run_has_no_failure_even_when_a_budget_was_missed_within_a_stated_tolerance()
    {
        var result = SampleLoadResult.Create() with { Passed = true, Thresholds = [] };

        var root = XDocument.Parse(Write(new LoadJUnitReportWriter(), result)).Root!;

        Assert.Equal("0", root.Attribute("failures")!.Value);
    }

    [Fact]
    public void JUnit_of_an_aborted_run_fails_a_run_testcase_that_says_why()
    {
        var xml = XDocument.Parse(Write(new LoadJUnitReportWriter(), SampleLoadResult.Create(aborted: "interrupted")));

        var failure = xml.Descendants("failure").Single(f => f.Attribute("type")!.Value == "RunAborted");
        Assert.Equal("run stopped early: interrupted", failure.Attribute("message")!.Value);
        Assert.Equal("run completed", failure.Parent!.Attribute("name")!.Value);
    }

    [Fact]
    public void Markdown_shows_the_verdict_numbers_steps_with_sla_and_every_threshold()
    {
        var result = SampleLoadResult.Create();
        var md = Write(new LoadMarkdownReportWriter(), result);

        Assert.StartsWith("## Pacer load: ❌ failed", md, StringComparison.Ordinal);
        Assert.Contains("2 of 3 thresholds passed.", md, StringComparison.Ordinal);
        Assert.Contains("| 12,000 | 1200/s | 30 | 0.25% | 5 MiB | 700 KiB | 1,970 completed, 30 failed | 4 | 64 |", md, StringComparison.Ordinal);
        Assert.Contains($"| requests | {LoadFormatting.Milliseconds(result.Summary.LatencyMs.Min)} | {LoadFormatting.Milliseconds(result.Summary.LatencyMs.P50)} |", md, StringComparison.Ordinal);
        Assert.Contains("| Login | `POST {{base}}/auth/login` | 2,000 | 30 (1.5%) | 200/s |", md, StringComparison.Ordinal);
        Assert.Contains("❌ <30ms: 1,000 over |", md, StringComparison.Ordinal);
        Assert.Contains("✅ <100ms met |", md, StringComparison.Ordinal);
        Assert.Contains("| `errors<0.1%` | 0.25% | ❌ FAIL |", md, StringComparison.Ordinal);
        Assert.Contains("| `p95<150ms` | 33.9ms | ✅ pass |", md, StringComparison.Ordinal);
        Assert.Contains("| `step[Login].p99 < 800ms` | 39.8ms | ✅ pass |", md, StringComparison.Ordinal);
        Assert.Contains("transport httpclient: the target is HTTP/2 only", md, StringComparison.Ordinal);
        Assert.Contains("Failures by kind: 5xx 30.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_of_an_aborted_run_says_why()
    {
        var md = Write(new LoadMarkdownReportWriter(), SampleLoadResult.Create(aborted: "interrupted"));

        Assert.Contains("> **Aborted:** interrupted", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_is_the_result_file_and_reads_back_equal()
    {
        var result = SampleLoadResult.Create();
        using var stream = new MemoryStream();
        new LoadJsonReportWriter().Write(result, stream);
        stream.Position = 0;

        var read = LoadResultJson.Read(stream, "report.json");

        Assert.Equal(result.Summary.LatencyMs, read.Summary.LatencyMs);
        Assert.Equal(result.Summary.Requests, read.Summary.Requests);
        Assert.Equal(result.Thresholds, read.Thresholds);
        Assert.Contains("\"latency_ms\"", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    private static string Write(ILoadReportWriter writer, LoadResult result)
    {
        using var stream = new MemoryStream();
        writer.Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
