using System.Globalization;
using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// The cards at the top of a load report. Each carries <c>data-metric</c> and the exact
/// <c>data-value</c> from the result file beside the rounded number people read.
/// </summary>
internal static class LoadSummaryCards
{
    public static void Write(StringBuilder html, LoadResult result)
    {
        var s = result.Summary;
        html.Append("<section class=\"cards\">");
        Card(html, "requests", "Requests", PageNumbers.Count(s.Requests), PageNumbers.Exact(s.Requests),
            $"{PageNumbers.Count(s.Failures)} failed · {PageNumbers.Bytes(s.BytesIn)} in", "");
        Card(html, "rps", "Requests / s", PageNumbers.Rate(s.Rps), PageNumbers.Exact(s.Rps),
            $"over {PageNumbers.Duration(TimeSpan.FromSeconds(result.DurationSeconds))}", "");
        if (result.TimeSeries.Any(p => p.TargetRate is not null))
        {
            // The open model's promise: iterations started on schedule, and what the schedule asked for.
            // Averaged over the seconds that had a target: the last iterations finishing after the schedule have none.
            var scheduled = result.TimeSeries.Where(p => p.TargetRate is not null).ToList();
            var length = scheduled.Sum(p => p.LengthSeconds);
            var target = length <= 0 ? 0 : scheduled.Sum(p => p.TargetRate!.Value * p.LengthSeconds) / length;
            var started = result.DurationSeconds <= 0 ? 0 : s.Iterations.Started / result.DurationSeconds;
            Card(html, "iterations-rate", "Iterations / s", PageNumbers.Rate(started), PageNumbers.Exact(started),
                $"target {PageNumbers.Rate(target)}/s · {PageNumbers.Count(s.Iterations.Dropped)} dropped", s.Iterations.Dropped > 0 ? "bad" : "");
        }

        Card(html, "p95", "p95 latency", PageNumbers.Milliseconds(s.LatencyMs.P95), PageNumbers.Exact(s.LatencyMs.P95),
            $"p50 {PageNumbers.Milliseconds(s.LatencyMs.P50)} · p99 {PageNumbers.Milliseconds(s.LatencyMs.P99)}", "");
        Card(html, "error-rate", "Error rate", PageNumbers.Percent(s.ErrorRate), PageNumbers.Exact(s.ErrorRate),
            s.FailuresByKind.Count == 0 ? "no failures" : string.Join(" · ", s.FailuresByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {PageNumbers.Count(k.Value)}")),
            s.ErrorRate > 0 ? "bad" : "good");
        var passed = result.Thresholds.Count(t => t.Passed);
        var failed = result.Thresholds.Count - passed;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {(failed > 0 ? "bad" : result.Thresholds.Count > 0 ? "good" : "")}\" data-metric=\"thresholds\" data-passed=\"{passed}\" data-failed=\"{failed}\">");
        html.Append("<div class=\"label\">Thresholds</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"value\">{(result.Thresholds.Count == 0 ? "none" : $"{passed} / {result.Thresholds.Count}")}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">{(result.Thresholds.Count == 0 ? "no thresholds set" : failed == 0 ? "all passed" : $"{failed} failed")}</div></div>");
        Card(html, "peak-vus", "Peak VUs", PageNumbers.Count(s.PeakVus), PageNumbers.Exact(s.PeakVus),
            $"{PageNumbers.Count(s.Iterations.Completed)} iterations" + (s.Iterations.Dropped > 0 ? $" · {PageNumbers.Count(s.Iterations.Dropped)} dropped" : ""), "");
        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, string metric, string label, string display, string exact, string note, string tone)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {tone}\" data-metric=\"{metric}\" data-value=\"{exact}\">");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"label\">{HtmlText.Escape(label)}</div><div class=\"value\">{HtmlText.Escape(display)}</div>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\">{HtmlText.Escape(note)}</div></div>");
    }
}
