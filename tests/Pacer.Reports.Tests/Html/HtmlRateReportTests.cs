using System.Globalization;
using Pacer.Load.Comparison;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Reports.Tests.Html;

/// <summary>What a k6 or Gatling user looks for in an open-model run's page, read from the page's own data attributes.</summary>
public sealed class HtmlRateReportTests
{
    private static readonly LoadResult Rate = SampleRateLoad.Create();

    [Fact]
    public void Throughput_shows_requests_iterations_and_the_target_rate_with_the_partial_last_second_scaled()
    {
        var dom = new PageDom(HtmlLoadReportTests.Write(Rate));

        var chart = dom.One("figure", "data-chart", "throughput");
        Assert.Equal("0.4", chart["data-partial-last"]);
        var target = Values(dom.One("path", "data-series", "target"));
        Assert.Equal([.. Enumerable.Repeat(SampleRateLoad.Rate, SampleRateLoad.Seconds), double.NaN], target);
        Assert.Contains("dashed", dom.One("path", "data-series", "target")["class"], StringComparison.Ordinal);
        var rps = Values(dom.One("path", "data-series", "rps"));
        var last = Rate.TimeSeries[^1];
        Assert.Equal(SampleRateLoad.LastSecondLength, last.LengthSeconds, 9);
        Assert.Equal(last.Requests / SampleRateLoad.LastSecondLength, rps[^1], 9); // 8 requests in 0.4 s: 20/s, not 8/s
        Assert.Equal(Rate.TimeSeries.Select(p => p.Iterations / p.LengthSeconds), Values(dom.One("path", "data-series", "iterations")));
        Assert.Contains("final 0.4 s and is scaled to a per-second rate", dom.Html, StringComparison.Ordinal);
        var card = dom.One("div", "data-metric", "iterations-rate");
        Assert.Equal(Rate.Summary.Iterations.Started / Rate.DurationSeconds, double.Parse(card["data-value"], CultureInfo.InvariantCulture), 9);
        Assert.Contains("target 200.0/s", dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_iterations_have_a_chart_of_their_own()
    {
        var dom = new PageDom(HtmlLoadReportTests.Write(Rate));

        var dropped = Values(dom.One("path", "data-series", "dropped"));
        Assert.Equal(Rate.Summary.Iterations.Dropped, (long)Rate.TimeSeries.Select((p, i) => dropped[i] * p.LengthSeconds).Sum());
        Assert.Equal([40.0, 40, 40], dropped.Skip(12).Take(3));
        Assert.Contains("120 iterations were due with no free VU", dom.Html, StringComparison.Ordinal);
        Assert.Equal("Busy virtual users", dom.ClassText(dom.One("figure", "data-chart", "vus"), "chart-title"));
    }

    [Fact]
    public void The_latency_axis_is_logarithmic_so_a_stall_does_not_flatten_the_steady_state()
    {
        var dom = new PageDom(HtmlLoadReportTests.Write(Rate));

        // The sample's steady state is p50 ~4 ms and p99 ~13 ms; the stall (seconds 12-14) reaches ~2 s.
        // On a linear axis up to 2.5 s both steady lines would lie within 1 px of the bottom.
        var chart = dom.One("figure", "data-chart", "latency");
        Assert.Equal("log", chart["data-scale"]);
        var next = dom.All("figure", "data-chart").First(f => f.Position > chart.Position);
        var ticks = dom.All("text", "data-tick").Where(t => t.Position > chart.Position && t.Position < next.Position)
            .Select(t => double.Parse(t["data-tick"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([10.0, 100, 1000], ticks);

        const double Bottom = 220 - 28; // ChartFrame.Standard: height 220, bottom margin 28, plot 180 px high
        var p50 = SvgPath.Points(dom.One("path", "data-series", "p50")["d"]).Select(p => Bottom - p.Y).ToList();
        var p99 = SvgPath.Points(dom.One("path", "data-series", "p99")["d"]).Select(p => Bottom - p.Y).ToList();
        for (var second = 0; second < 12; second++)
        {
            Assert.True(p50[second] >= 10, $"second {second}: steady p50 drawn {p50[second]:0.#} px above the axis");
            Assert.True(p99[second] - p50[second] >= 15, $"second {second}: steady p99 only {p99[second] - p50[second]:0.#} px above p50");
        }

        Assert.All(p99.Skip(12).Take(3), height => Assert.True(height > 0.8 * 180, $"stall p99 drawn at {height:0.#} px of 180"));
    }

    [Fact]
    public void Each_step_has_its_latency_over_time_and_p90_and_p99_9()
    {
        var dom = new PageDom(HtmlLoadReportTests.Write(Rate));

        foreach (var step in Rate.Steps)
        {
            var line = dom.One("path", "data-series", "p95:" + step.Name);
            Assert.Equal(step.TimeSeries.Select(p => p.P95Ms), Values(line));
            Assert.Equal(step.Name, line["data-label"]);
            var row = dom.One("tr", "data-step", step.Name);
            var p90 = dom.All("td", "data-percentile", "p90").First(td => td.Position > row.Position);
            var p999 = dom.All("td", "data-percentile", "p99.9").First(td => td.Position > row.Position);
            Assert.Equal(step.LatencyMs.P90, double.Parse(p90["data-ms"], CultureInfo.InvariantCulture));
            Assert.Equal(step.LatencyMs.P999, double.Parse(p999["data-ms"], CultureInfo.InvariantCulture));
        }

        Assert.Equal("log", dom.One("figure", "data-chart", "step-latency")["data-scale"]);
    }

    [Fact]
    public void Responses_are_broken_down_by_status_code_overall_and_per_step()
    {
        var dom = new PageDom(HtmlLoadReportTests.Write(Rate));

        var rows = dom.All("tr", "data-status");
        Assert.Equal(Rate.Summary.StatusCodes.Keys, rows.Select(r => r["data-status"]));
        Assert.Equal(Rate.Summary.StatusCodes.Values, rows.Select(r => long.Parse(r["data-count"], CultureInfo.InvariantCulture)));
        Assert.Equal(["200", "429", "503"], Rate.Summary.StatusCodes.Keys);
        Assert.Equal(Rate.Summary.Requests, Rate.Summary.StatusCodes.Values.Sum());
        var segments = dom.All("rect", "data-status");
        Assert.Equal(Rate.Summary.Requests, segments.Sum(r => long.Parse(r["data-count"], CultureInfo.InvariantCulture)));
        Assert.Equal(1000, segments.Sum(r => double.Parse(r["width"], CultureInfo.InvariantCulture)), 6);
        var serviceUnavailable = dom.One("tr", "data-status", "503");
        var cells = dom.All("td", "data-step-count").Where(td => td.Position > serviceUnavailable.Position).Take(2).ToList();
        Assert.Equal([0L, Rate.Steps[1].StatusCodes["503"]], cells.Select(c => long.Parse(c["data-step-count"], CultureInfo.InvariantCulture)));
        Assert.Contains("Service Unavailable", dom.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_without_a_response_are_a_row_of_their_own()
    {
        var refused = Rate with { Summary = Rate.Summary with { Requests = Rate.Summary.Requests + 25 } };

        var dom = new PageDom(HtmlLoadReportTests.Write(refused));

        Assert.Equal("25", dom.One("tr", "data-status", "none")["data-count"]);
    }

    [Fact]
    public void A_run_compared_with_a_baseline_shows_the_comparison_and_says_when_the_executors_differ()
    {
        var baseline = SampleLoad.Create(seconds: 12);
        var comparison = BaselineComparison.Compare([baseline], Rate);
        var compared = Rate with { Comparison = ComparisonRecord.Of(comparison, [baseline]) };

        var dom = new PageDom(HtmlLoadReportTests.Write(compared));

        var section = dom.One("section", "data-comparison");
        Assert.Equal(compared.Comparison!.Verdict, section["data-comparison"]);
        Assert.Contains("Note: the runs used different executors: baseline ramping-vus", dom.Html, StringComparison.Ordinal);
        var rows = dom.All("tr", "data-compared-step");
        Assert.Equal(compared.Comparison.Metrics.Count, rows.Count);
        Assert.Contains(rows, r => r["data-compared-step"] == "(overall)" && r["data-metric"] == "p95");
        Assert.Equal(compared.Comparison.Metrics.Count(m => m.Verdict == "regressed"), rows.Count(r => r["data-verdict"] == "regressed"));
        if (comparison.Regressed)
        {
            Assert.Equal("regressed", rows[0]["data-verdict"]); // regressions first
            Assert.Single(dom.All("span", "data-regressed"));
        }
    }

    [Fact]
    public void A_closed_model_run_has_no_target_line_and_no_dropped_chart_and_how_the_path_was_readied_is_stated()
    {
        var closed = new PageDom(HtmlLoadReportTests.Write(SampleLoad.Create(seconds: 12)));
        var rate = new PageDom(HtmlLoadReportTests.Write(Rate));

        Assert.Empty(closed.All("path", "data-series", "target"));
        Assert.Empty(closed.All("figure", "data-chart", "dropped"));
        Assert.Empty(closed.All("div", "data-metric", "iterations-rate"));
        Assert.Contains("180.5 ms readying, nothing sent to the target", rate.Html, StringComparison.Ordinal);
        Assert.Contains("10 of 10 starting connections opened", rate.Html, StringComparison.Ordinal);
    }

    private static List<double> Values(PageElement line) =>
        [.. line["data-values"].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
}
