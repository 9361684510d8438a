using System.Globalization;
using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// "Against the baseline", when the run was compared (<c>pacer load --baseline</c>): the verdict,
/// why the runs may not be like for like (different executors), the baselines, and per step and
/// metric the baseline value(s), the current one, the change and its verdict, regressions first.
/// </summary>
internal static class LoadComparisonSection
{
    public static void Write(StringBuilder html, LoadResult result)
    {
        if (result.Comparison is not { } comparison)
        {
            return;
        }

        var tone = comparison.Verdict switch { "regressed" => "fail", "improved" => "pass", _ => "none" };
        html.Append(CultureInfo.InvariantCulture, $"<h2>Against the baseline</h2>\n<section class=\"comparison\" data-comparison=\"{HtmlText.Escape(comparison.Verdict)}\">");
        html.Append("<p><span class=\"pill ").Append(tone).Append("\">").Append(HtmlText.Escape(Verdict(comparison.Verdict))).Append("</span> ");
        html.Append(HtmlText.Escape(comparison.Baselines.Count == 1
            ? $"against 1 baseline, tolerance {Percent(comparison.Tolerance * 100)}"
            : $"against {comparison.Baselines.Count} baselines, tolerance {Percent(comparison.Tolerance * 100)} beyond the worst of them"));
        html.Append(": ").Append(HtmlText.Escape(string.Join(", ", comparison.Baselines.Select(b =>
            $"{PageNumbers.Timestamp(b.StartedAt)} ({b.Executor.Type}, {PageNumbers.Count(b.Requests)} requests, {PageNumbers.Rate(b.Rps)}/s)")))).Append("</p>");
        foreach (var note in comparison.Notes)
        {
            html.Append("<div class=\"banner\" data-comparison-note>Note: ").Append(HtmlText.Escape(note)).Append("</div>");
        }

        html.Append("<table class=\"compared\"><thead><tr><th>Step</th><th>Metric</th><th class=\"num\">Baseline</th><th class=\"num\">Current</th><th class=\"num\">Change</th><th>Verdict</th></tr></thead><tbody>");
        var order = comparison.Metrics.Select(m => m.Step).Distinct().ToList();
        foreach (var row in comparison.Metrics.OrderBy(m => m.Verdict == "regressed" ? 0 : 1).ThenBy(m => order.IndexOf(m.Step)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(row.Verdict == "regressed" ? "fail" : "")}\" data-compared-step=\"{HtmlText.Escape(row.Step)}\" data-metric=\"{HtmlText.Escape(row.Metric)}\" data-verdict=\"{HtmlText.Escape(row.Verdict)}\">");
            html.Append("<td>").Append(HtmlText.Escape(row.Step)).Append("</td><td>").Append(HtmlText.Escape(row.Metric)).Append("</td>");
            Number(html, row.Baselines.Count == 0 ? "–" : row.Baselines.Min() == row.Baselines.Max()
                ? Value(row.Metric, row.Baselines[0])
                : $"{Value(row.Metric, row.Baselines.Min())} – {Value(row.Metric, row.Baselines.Max())}");
            Number(html, row.Current is { } current ? Value(row.Metric, current) : "–");
            Number(html, row.ChangePercent is { } change ? (change >= 0 ? "+" : "") + Percent(change) : "–");
            var pill = row.Verdict switch { "regressed" => "fail", "improved" => "pass", "same" => "none", _ => "skip" };
            html.Append("<td><span class=\"pill ").Append(pill).Append("\">").Append(HtmlText.Escape(row.Verdict)).Append("</span></td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static string Verdict(string verdict) => verdict switch
    {
        "regressed" => "✗ Regressed",
        "improved" => "✓ Improved",
        _ => "Same as the baseline",
    };

    private static string Value(string metric, double value) => metric switch
    {
        "rps" => PageNumbers.Rate(value) + "/s",
        "errors" => PageNumbers.Percent(value),
        _ => PageNumbers.Milliseconds(value),
    };

    private static string Percent(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static void Number(StringBuilder html, string text) =>
        html.Append("<td class=\"num\">").Append(HtmlText.Escape(text)).Append("</td>");
}
