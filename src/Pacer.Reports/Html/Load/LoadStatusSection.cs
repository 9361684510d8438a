using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Pacer.Load.Results;

namespace Pacer.Reports.Html.Load;

/// <summary>
/// Responses by HTTP status code: a bar split by code (2xx green, 3xx blue, 4xx amber, 5xx red)
/// and a table with each code's count, share and count per step. Requests that got no response
/// (refused, reset, timed out) have no status and are one row of their own.
/// </summary>
internal static partial class LoadStatusSection
{
    private const int MaxStepColumns = 8;
    private const double BarWidth = 1000;

    public static void Write(StringBuilder html, LoadResult result)
    {
        html.Append("<h2>Responses by status</h2>\n");
        var codes = result.Summary.StatusCodes;
        if (codes.Count == 0)
        {
            html.Append(result.Summary.Requests == 0
                ? "<p class=\"muted\" data-statuses=\"none\">No request was sent.</p>\n"
                : "<p class=\"muted\" data-statuses=\"none\">This result file has no status codes (written before they were recorded), or no request got a response.</p>\n");
            return;
        }

        var answered = codes.Values.Sum();
        var unanswered = Math.Max(0, result.Summary.Requests - answered);
        var rows = codes.Select(pair => (Status: pair.Key, Count: pair.Value)).ToList();
        WriteBar(html, rows, unanswered);
        var steps = result.Steps.Count <= MaxStepColumns ? result.Steps : [];
        html.Append("<table class=\"statuses\"><thead><tr><th>Status</th><th class=\"num\">Responses</th><th class=\"num\">Share</th>");
        foreach (var step in steps)
        {
            html.Append("<th class=\"num\">").Append(HtmlText.Escape(step.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var total = answered + unanswered;
        foreach (var (status, count) in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-status=\"{HtmlText.Escape(status)}\" data-count=\"{count}\">");
            html.Append("<td><span class=\"pill ").Append(Tone(status)).Append("\">").Append(HtmlText.Escape(status)).Append("</span> ")
                .Append("<span class=\"muted\">").Append(HtmlText.Escape(Reason(status))).Append("</span></td>");
            Number(html, PageNumbers.Count(count));
            Number(html, PageNumbers.Percent(total == 0 ? 0 : (double)count / total));
            foreach (var step in steps)
            {
                var byStep = step.StatusCodes.GetValueOrDefault(status);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-step-count=\"{byStep}\">").Append(byStep == 0 ? "<span class=\"muted\">0</span>" : PageNumbers.Count(byStep)).Append("</td>");
            }

            html.Append("</tr>");
        }

        if (unanswered > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-status=\"none\" data-count=\"{unanswered}\"><td><span class=\"pill fail\">no response</span> <span class=\"muted\">refused, reset, timed out: see Errors</span></td>");
            Number(html, PageNumbers.Count(unanswered));
            Number(html, PageNumbers.Percent((double)unanswered / total));
            foreach (var step in steps)
            {
                var byStep = Math.Max(0, step.Requests - step.StatusCodes.Values.Sum());
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-step-count=\"{byStep}\">").Append(byStep == 0 ? "<span class=\"muted\">0</span>" : PageNumbers.Count(byStep)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>One bar split by status, each part as wide as its share: the breakdown at a glance.</summary>
    private static void WriteBar(StringBuilder html, List<(string Status, long Count)> rows, long unanswered)
    {
        var parts = rows.Select(r => (Key: r.Status, Label: r.Status, r.Count, Tone: Tone(r.Status))).ToList();
        if (unanswered > 0)
        {
            parts.Add(("none", "no response", unanswered, "fail"));
        }

        var total = parts.Sum(p => p.Count);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart status-bar\" data-chart=\"status-codes\" data-points=\"{parts.Count}\" data-total=\"{total}\">");
        html.Append("<figcaption><span class=\"chart-title\">All responses</span><span class=\"legend\">");
        foreach (var part in parts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"key status-{part.Tone}\"><i></i>{HtmlText.Escape(part.Label)} {PageNumbers.Percent((double)part.Count / total)}</span>");
        }

        html.Append("</span></figcaption>");
        html.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {BarWidth} 28\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Responses by status\">");
        double x = 0;
        foreach (var part in parts)
        {
            var width = BarWidth * part.Count / total;
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"segment status-{part.Tone}\" x=\"{PageNumbers.Coordinate(x)}\" y=\"0\" width=\"{PageNumbers.Exact(width)}\" height=\"28\" data-status=\"{HtmlText.Escape(part.Key)}\" data-count=\"{part.Count}\">");
            html.Append(CultureInfo.InvariantCulture, $"<title>{HtmlText.Escape(part.Label)}: {PageNumbers.Count(part.Count)}</title></rect>");
            x += width;
        }

        html.Append("</svg></figure>\n");
    }

    private static string Tone(string status) => status.Length == 3 ? status[0] switch
    {
        '2' => "pass",
        '3' => "info",
        '4' => "warn",
        '5' => "fail",
        _ => "none",
    } : "none";

    /// <summary>The status's name as .NET knows it, in words: 503 → "Service Unavailable".</summary>
    internal static string Reason(string status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined((HttpStatusCode)code)
            ? Words().Replace(((HttpStatusCode)code).ToString(), " $1")
            : "";

    private static void Number(StringBuilder html, string text) =>
        html.Append("<td class=\"num\">").Append(HtmlText.Escape(text)).Append("</td>");

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Words();
}
