using System.Globalization;
using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>One row per step: volume, errors, latency percentiles (p50, p90, p95, p99, p99.9, max) and whether its <c>duration &lt;</c> budget held.</summary>
internal static class LoadStepTable
{
    public static void Write(StringBuilder html, LoadResult result)
    {
        html.Append("<h2>Steps</h2>\n");
        if (result.Steps.Count == 0)
        {
            html.Append("<p class=\"muted\">No steps were recorded.</p>\n");
            return;
        }

        html.Append("<table class=\"steps\"><thead><tr><th>Step</th><th>Request</th><th class=\"num\">Requests</th><th class=\"num\">Req/s</th>");
        html.Append("<th class=\"num\">Errors</th><th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">p99.9</th><th class=\"num\">Max</th><th>SLA</th></tr></thead><tbody>");
        var manyFlows = result.Steps.Select(s => s.Flow).Distinct().Count() > 1;
        foreach (var step in result.Steps)
        {
            var failing = step.Failures > 0 || step.Sla is { Met: false };
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(failing ? "fail" : "")}\" data-step=\"{HtmlText.Escape(step.Name)}\" data-requests=\"{step.Requests}\" data-p95=\"{PageNumbers.Exact(step.LatencyMs.P95)}\">");
            html.Append("<td><b>").Append(HtmlText.Escape(step.Name)).Append("</b>");
            if (manyFlows)
            {
                html.Append("<div class=\"muted\">").Append(HtmlText.Escape(step.Flow)).Append("</div>");
            }

            html.Append("</td>");
            html.Append("<td><code>").Append(HtmlText.Escape(step.Method)).Append(' ').Append(HtmlText.Escape(step.Url)).Append("</code></td>");
            Number(html, PageNumbers.Count(step.Requests));
            Number(html, PageNumbers.Rate(step.Rps));
            html.Append("<td class=\"num\">").Append(step.Failures == 0
                ? "<span class=\"muted\">0</span>"
                : $"{PageNumbers.Count(step.Failures)} <span class=\"pill fail\">{PageNumbers.Percent(step.ErrorRate)}</span>").Append("</td>");
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.P50));
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.P90), "p90", step.LatencyMs.P90);
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.P95));
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.P99));
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.P999), "p99.9", step.LatencyMs.P999);
            Number(html, PageNumbers.Milliseconds(step.LatencyMs.Max));
            html.Append("<td>").Append(Sla(step.Sla)).Append("</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static string Sla(SlaResult? sla) => sla switch
    {
        null => "<span class=\"pill none\" data-sla=\"none\">no budget</span>",
        { Met: true } => $"<span class=\"pill pass\" data-sla=\"met\">✓ &lt; {PageNumbers.Milliseconds(sla.BudgetMs)}</span>",
        _ => $"<span class=\"pill fail\" data-sla=\"missed\">✗ &lt; {PageNumbers.Milliseconds(sla.BudgetMs)}</span> <span class=\"muted\">{PageNumbers.Count(sla.Violations)} slower</span>",
    };

    private static void Number(StringBuilder html, string text) =>
        html.Append("<td class=\"num\">").Append(HtmlText.Escape(text)).Append("</td>");

    private static void Number(StringBuilder html, string text, string percentile, double exact) =>
        html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-percentile=\"{percentile}\" data-ms=\"{PageNumbers.Exact(exact)}\">").Append(HtmlText.Escape(text)).Append("</td>");
}
