using System.Globalization;
using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// Failures grouped by kind (4xx, 5xx, timeout…) with, for each step and kind, the first failed
/// request kept as an example: its status, why it failed and the start of its body.
/// </summary>
internal static class LoadErrorsSection
{
    private const int BodyLimit = 2048;

    public static void Write(StringBuilder html, LoadResult result)
    {
        html.Append("<h2>Errors</h2>\n");
        if (result.Summary.Failures == 0 && result.Steps.All(s => s.Samples.Count == 0))
        {
            html.Append("<p class=\"muted\" data-errors=\"none\">No request failed.</p>\n");
            return;
        }

        html.Append("<table class=\"errors\"><thead><tr><th>Kind</th><th class=\"num\">Count</th><th>Step</th><th>Example</th></tr></thead><tbody>");
        var rows = result.Steps
            .SelectMany(step => step.FailuresByKind.Select(kind => (Step: step, Kind: kind.Key, Count: kind.Value)))
            .Where(row => row.Count > 0)
            .OrderByDescending(row => row.Count)
            .ThenBy(row => row.Step.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var (step, kind, count) in rows)
        {
            var sample = step.Samples.FirstOrDefault(s => s.Kind == kind);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"fail\" data-kind=\"{HtmlText.Escape(kind)}\" data-count=\"{count}\">");
            html.Append("<td><span class=\"pill fail\">").Append(HtmlText.Escape(kind)).Append("</span></td>");
            html.Append("<td class=\"num\">").Append(PageNumbers.Count(count)).Append("</td>");
            html.Append("<td>").Append(HtmlText.Escape(step.Name)).Append("</td><td>");
            WriteSample(html, sample);
            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void WriteSample(StringBuilder html, FailureSample? sample)
    {
        if (sample is null)
        {
            html.Append("<span class=\"muted\">no example kept</span>");
            return;
        }

        if (sample.Status is { } status)
        {
            html.Append(CultureInfo.InvariantCulture, $"<code>HTTP {status}</code> ");
        }

        html.Append(HtmlText.Escape(sample.Message));
        if (!string.IsNullOrEmpty(sample.Body))
        {
            html.Append("<pre class=\"sample-body\">").Append(HtmlText.Escape(BodyText.Pretty(sample.Body, BodyLimit))).Append("</pre>");
        }
    }
}
