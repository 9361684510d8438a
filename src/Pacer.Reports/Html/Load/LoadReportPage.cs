using System.Text;
using Pacer.Load.Results;
using Pacer.Reports.Html.Charts;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// The page for a load run, top to bottom in the order a reader asks: did it pass, how much and
/// how fast, how it evolved, which steps and errors, which thresholds, and how it was run.
/// </summary>
internal static class LoadReportPage
{
    public static StringBuilder Build(LoadResult result)
    {
        var html = new StringBuilder(64 * 1024);
        WriteHeader(html, result);
        LoadSummaryCards.Write(html, result);
        html.Append("<h2>Over time</h2>\n<section class=\"charts\">");
        WriteTimeCharts(html, result.TimeSeries);
        html.Append("</section>\n<h2>Latency distribution</h2>\n<section class=\"charts\">");
        DistributionChart.Write(html, "latency-distribution", "All requests", LatencyDistribution.From(result.Histograms.Overall));
        html.Append("</section>\n");
        LoadStepTable.Write(html, result);
        LoadErrorsSection.Write(html, result);
        LoadThresholdTable.Write(html, result);
        LoadRunDetails.Write(html, result);
        return html;
    }

    public static string Title(LoadResult result) =>
        $"Pacer load report · {(result.Flows.Count == 0 ? "run" : string.Join(", ", result.Flows))}";

    private static void WriteHeader(StringBuilder html, LoadResult result)
    {
        var verdict = result.Passed ? "pass" : "fail";
        html.Append("<header class=\"top\"><div class=\"grow\"><h1>Load test · ")
            .Append(HtmlText.Escape(result.Flows.Count == 0 ? "run" : string.Join(", ", result.Flows))).Append("</h1>");
        html.Append("<div class=\"sub\">").Append(PageNumbers.Timestamp(result.StartedAt))
            .Append(" · ").Append(PageNumbers.Duration(TimeSpan.FromSeconds(result.DurationSeconds)))
            .Append(" · ").Append(HtmlText.Escape(result.Executor.Type));
        if (result.Environment is { } environment)
        {
            html.Append(" · env ").Append(HtmlText.Escape(environment));
        }

        html.Append("</div></div>");
        html.Append("<span class=\"verdict ").Append(verdict).Append("\" data-passed=\"").Append(result.Passed ? "true" : "false").Append("\">")
            .Append(result.Passed ? "✓ Passed" : "✗ Failed").Append("</span></header>\n");
        if (result.Aborted is { } aborted)
        {
            html.Append("<div class=\"banner\" data-aborted>Stopped early: ").Append(HtmlText.Escape(aborted)).Append("</div>\n");
        }
    }

    private static void WriteTimeCharts(StringBuilder html, IReadOnlyList<LoadTimePoint> points)
    {
        var seconds = points.Select(p => p.Second).ToList();
        LineChart.Write(html, "throughput", "Requests per second", "/s", seconds,
            [new ChartSeries("rps", "requests/s", [.. points.Select(p => (double)p.Requests)], "tone-1")], fillFirst: true);
        LineChart.Write(html, "latency", "Latency", "ms", seconds,
        [
            new ChartSeries("p50", "p50", [.. points.Select(p => p.P50Ms)], "tone-4"),
            new ChartSeries("p95", "p95", [.. points.Select(p => p.P95Ms)], "tone-2"),
            new ChartSeries("p99", "p99", [.. points.Select(p => p.P99Ms)], "tone-3"),
        ]);
        LineChart.Write(html, "errors", "Errors per second", "/s", seconds,
            [new ChartSeries("errors", "errors/s", [.. points.Select(p => (double)p.Errors)], "tone-bad")], fillFirst: true);
        LineChart.Write(html, "vus", "Virtual users", "", seconds,
            [new ChartSeries("vus", "VUs", [.. points.Select(p => (double)p.Vus)], "tone-4")], fillFirst: true);
    }
}
