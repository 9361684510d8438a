using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>Every threshold as written, the value it met, and the verdict; failures first.</summary>
internal static class LoadThresholdTable
{
    public static void Write(StringBuilder html, LoadResult result)
    {
        html.Append("<h2>Thresholds</h2>\n");
        if (result.Thresholds.Count == 0)
        {
            html.Append("<p class=\"muted\">No thresholds were set (add <code>--threshold 'p95&lt;200ms'</code> or <code>@threshold</code> in a flow).</p>\n");
            return;
        }

        html.Append("<table class=\"thresholds\"><thead><tr><th>Threshold</th><th>Scope</th><th class=\"num\">Actual</th><th>Result</th></tr></thead><tbody>");
        foreach (var threshold in result.Thresholds.OrderBy(t => t.Passed))
        {
            html.Append("<tr class=\"").Append(threshold.Passed ? "" : "fail").Append("\" data-threshold=\"").Append(HtmlText.Escape(threshold.Text))
                .Append("\" data-passed=\"").Append(threshold.Passed ? "true" : "false").Append("\">");
            html.Append("<td><code>").Append(HtmlText.Escape(threshold.Text)).Append("</code>").Append(threshold.Implicit ? " <small>default: no threshold on checks or errors</small>" : "").Append("</td>");
            html.Append("<td>").Append(threshold.Step is null ? "whole run" : HtmlText.Escape(threshold.Step)).Append("</td>");
            html.Append("<td class=\"num\">").Append(HtmlText.Escape(threshold.ActualText)).Append("</td>");
            html.Append(threshold.Passed ? "<td><span class=\"pill pass\">✓ passed</span></td>" : "<td><span class=\"pill fail\">✗ failed</span></td>");
            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }
}
