using System.Globalization;
using System.Text;
using Pacer.Core.Assertions;
using Pacer.Core.Execution;

namespace Pacer.Reports.Html.Run;

/// <summary>
/// One step of a functional run as a collapsible block, open when it did not pass: why it failed,
/// its assertions with expected and actual, its captures, and the request and response side by
/// side (JSON pretty-printed, long bodies cut, everything escaped).
/// </summary>
internal static class StepSection
{
    public const int BodyLimit = 16 * 1024;

    public static void Write(StringBuilder html, StepResult step, string anchor)
    {
        var passed = step.Status == StepStatus.Passed;
        html.Append("<details class=\"step").Append(passed ? "" : " fail").Append("\" id=\"").Append(anchor)
            .Append("\" data-step=\"").Append(HtmlText.Escape(step.Step.Name)).Append("\" data-status=\"").Append(ReportFormatting.StatusWord(step.Status)).Append('"')
            .Append(passed ? "" : " open").Append("><summary>");
        html.Append(RunReportPage.StatusPill(step.Status));
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">#{step.Number}</span><span class=\"step-title\">{HtmlText.Escape(step.Step.Name)}</span>");
        html.Append("<code class=\"grow\">").Append(HtmlText.Escape(ReportFormatting.Method(step))).Append(' ').Append(HtmlText.Escape(ReportFormatting.Url(step))).Append("</code>");
        if (step.Response is { } response)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"pill {(response.Status < 400 ? "pass" : "fail")}\">{response.Status}</span>");
        }

        if (step.Warnings.Any())
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"pill warn\">{step.Warnings.Count()} warning(s)</span>");
        }

        html.Append("<span class=\"muted\">").Append(PageNumbers.Duration(step.Duration));
        if (step.Attempts > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $" · {step.Attempts} attempts");
        }

        html.Append("</span></summary><div class=\"body\">");
        if (step.Reason is { } reason)
        {
            html.Append("<p class=\"reason\">").Append(HtmlText.Escape(reason)).Append("</p>");
        }

        WriteAssertions(html, step.Assertions);
        WriteCaptures(html, step.Captures);
        WriteExchange(html, step);
        html.Append("</div></details>");
    }

    private static void WriteAssertions(StringBuilder html, IReadOnlyList<AssertionOutcome> assertions)
    {
        if (assertions.Count == 0)
        {
            return;
        }

        html.Append("<h4>Assertions</h4><table class=\"assertions\"><thead><tr><th>Assertion</th><th>Expected</th><th>Actual</th><th>Result</th></tr></thead><tbody>");
        foreach (var outcome in assertions.OrderBy(a => a.Passed))
        {
            var soft = outcome.Assertion.IsSoft;
            var verdict = outcome.Passed ? "<span class=\"pill pass\">✓</span>" : soft ? "<span class=\"pill warn\">⚠ warning</span>" : "<span class=\"pill fail\">✗ failed</span>";
            html.Append("<tr class=\"").Append(outcome.Passed || soft ? "" : "fail").Append("\" data-assertion=\"").Append(HtmlText.Escape(outcome.Assertion.Text))
                .Append("\" data-passed=\"").Append(outcome.Passed ? "true" : "false").Append("\">");
            html.Append("<td><code>").Append(HtmlText.Escape(outcome.Assertion.Text)).Append("</code><div class=\"muted\">")
                .Append(HtmlText.Escape(ReportFormatting.Location(outcome.Assertion.Span))).Append("</div>");
            if (outcome.Message is { } message)
            {
                html.Append("<div class=\"reason\">").Append(HtmlText.Escape(message)).Append("</div>");
            }

            html.Append("</td><td><code>").Append(HtmlText.Escape(outcome.Expected)).Append("</code></td><td><code>")
                .Append(HtmlText.Escape(outcome.Actual)).Append("</code></td><td>").Append(verdict).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void WriteCaptures(StringBuilder html, IReadOnlyList<CaptureOutcome> captures)
    {
        if (captures.Count == 0)
        {
            return;
        }

        html.Append("<h4>Captures</h4><table class=\"captures\"><tbody>");
        foreach (var capture in captures)
        {
            html.Append("<tr data-capture=\"").Append(HtmlText.Escape(capture.Capture.Name)).Append("\"><td><code>").Append(HtmlText.Escape(capture.Capture.Name))
                .Append("</code></td><td><code>").Append(HtmlText.Escape(ReportFormatting.Truncate(capture.Value?.ToJsonString() ?? "null", 512))).Append("</code>");
            if (!capture.Found || capture.Error is not null)
            {
                html.Append(" <span class=\"pill fail\">").Append(HtmlText.Escape(capture.Error ?? "not found")).Append("</span>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void WriteExchange(StringBuilder html, StepResult step)
    {
        if (step.Request is null && step.Response is null)
        {
            return;
        }

        html.Append("<div class=\"exchange\"><div class=\"request\"><h4>Request</h4>");
        if (step.Request is { } request)
        {
            html.Append("<code>").Append(HtmlText.Escape(request.Method)).Append(' ').Append(HtmlText.Escape(request.Url)).Append("</code>");
            WriteHeaders(html, request.Headers);
            if (!string.IsNullOrEmpty(request.Body))
            {
                html.Append("<pre class=\"request-body\">").Append(HtmlText.Escape(BodyText.Pretty(request.Body, BodyLimit))).Append("</pre>");
            }
        }
        else
        {
            html.Append("<p class=\"muted\">not sent</p>");
        }

        html.Append("</div><div class=\"response\"><h4>Response</h4>");
        if (step.Response is { } response)
        {
            html.Append(CultureInfo.InvariantCulture, $"<code>HTTP {response.Status}</code> <span class=\"muted\">{PageNumbers.Duration(response.Duration)}</span>");
            if (ReportFormatting.Phases(step.Timings) is { } phases)
            {
                html.Append("<div class=\"muted timings\">").Append(HtmlText.Escape(phases)).Append("</div>");
            }
            WriteHeaders(html, response.Headers);
            html.Append("<pre class=\"response-body\">").Append(response.BodyText.Length == 0 ? "<span class=\"muted\">(empty body)</span>" : HtmlText.Escape(BodyText.Pretty(response.BodyText, BodyLimit))).Append("</pre>");
        }
        else
        {
            html.Append("<p class=\"muted\">no response</p>");
        }

        html.Append("</div></div>");
    }

    private static void WriteHeaders(StringBuilder html, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (headers.Count == 0)
        {
            return;
        }

        html.Append("<pre class=\"headers\">");
        foreach (var (name, value) in headers)
        {
            html.Append(HtmlText.Escape(name)).Append(": ").Append(HtmlText.Escape(value)).Append('\n');
        }

        html.Append("</pre>");
    }
}
