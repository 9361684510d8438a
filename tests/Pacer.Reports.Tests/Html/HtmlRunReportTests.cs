using System.Text;
using Pacer.Core.Execution;
using Pacer.Reports.Html;
using Xunit;

namespace Pacer.Reports.Tests.Html;

public sealed class HtmlRunReportTests
{
    [Fact]
    public void Failing_flows_come_first_and_failed_steps_are_open()
    {
        var run = SampleRun.Create();
        run = run with { Flows = [run.Flows[1], run.Flows[0]] };
        var dom = new PageDom(Write(run));

        var flows = dom.All("details", "data-flow");
        Assert.Equal(["flows/auth.flow.md", "flows/ok.flow.md"], flows.Select(f => f["data-flow"]));
        Assert.True(flows[0].Has("open"));
        Assert.False(flows[1].Has("open"));
        Assert.Equal("failed", dom.One("details", "data-step", "Profile")["data-status"]);
        Assert.True(dom.One("details", "data-step", "Profile").Has("open"));
        Assert.True(dom.One("details", "data-step", "Projects").Has("open"));
        Assert.False(dom.One("details", "data-step", "Login | admin").Has("open"));
    }

    [Fact]
    public void Shows_assertions_with_expected_and_actual_and_the_captures()
    {
        var dom = new PageDom(Write(SampleRun.Create()));

        var failed = dom.One("tr", "data-assertion", "body.code == 0");
        Assert.Equal("false", failed["data-passed"]);
        Assert.Contains("<code>0 (number)</code></td><td><code>1 (number)</code>", dom.Html, StringComparison.Ordinal);
        Assert.Contains("flows/auth.flow.md:20:1", dom.Html, StringComparison.Ordinal);
        Assert.Contains("⚠ warning", dom.Html, StringComparison.Ordinal);
        dom.One("tr", "data-capture", "id");
        Assert.Contains("<code>7</code>", dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_request_and_response_with_headers_and_pretty_printed_json()
    {
        var html = Write(SampleRun.Create());

        Assert.Contains("<code>GET http://127.0.0.1:1/api/x</code>", html, StringComparison.Ordinal);
        Assert.Contains("Accept: */*", html, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", html, StringComparison.Ordinal);
        Assert.Contains("{\n  &quot;code&quot;: 1,\n  &quot;message&quot;: &quot;nope&quot;\n}", html, StringComparison.Ordinal);
        Assert.Contains("needs token from step 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_bodies_are_text_never_markup()
    {
        var html = Write(SampleRun.Create(failedBody: "<script>alert(1)</script>\"onload=\"x"));

        Assert.Equal(1, Count(html, "<script>"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x", html, StringComparison.Ordinal);
        Assert.Contains("Auth &lt;&amp;&gt; flow", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_bodies_are_cut_with_a_note()
    {
        var html = Write(SampleRun.Create(failedBody: new string('x', 40_000)));

        Assert.Contains("more characters)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 20_000), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_run_lists_no_problems()
    {
        var html = Write(SampleRun.AllPassed());

        Assert.Contains("✓ Passed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Problems</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_html_equals_path_selects_the_html_writer()
    {
        var target = ReportTarget.TryParse("html=out/report.html", out var error);

        Assert.Null(error);
        Assert.IsType<HtmlReportWriter>(target!.Writer);
        Assert.Equal("out/report.html", target.Path);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Write(RunResult run)
    {
        using var stream = new MemoryStream();
        new HtmlReportWriter().Write(run, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
