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
        LoadComparisonSection.Write(html, result);
        html.Append("<h2>Over time</h2>\n<section class=\"charts\">");
        LoadTimeCharts.Write(html, result);
        html.Append("</section>\n<h2>Latency distribution</h2>\n<section class=\"charts\">");
        DistributionChart.Write(html, "latency-distribution", "All requests", LatencyDistribution.From(result.Histograms.Overall));
        html.Append("</section>\n");
        LoadStepTable.Write(html, result);
        LoadStatusSection.Write(html, result);
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
            .Append(result.Passed ? "✓ Passed" : "✗ Failed").Append("</span>");
        if (result.Comparison is { Verdict: "regressed" })
        {
            html.Append("<span class=\"verdict fail\" data-regressed>✗ Regressed against the baseline</span>");
        }

        html.Append("</header>\n");
        if (result.Aborted is { } aborted)
        {
            html.Append("<div class=\"banner\" data-aborted>Stopped early: ").Append(HtmlText.Escape(aborted)).Append("</div>\n");
        }
    }
}
