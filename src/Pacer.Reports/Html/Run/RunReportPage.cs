using System.Globalization;
using System.Text;
using Pacer.Core.Execution;

namespace Pacer.Reports.Html.Run;

/// <summary>
/// The page for a functional run: the verdict and counts, a list of what failed (linked), then
/// every flow — failing flows first and open — with each step collapsible down to its request,
/// response, assertions and captures.
/// </summary>
internal static class RunReportPage
{
    public static StringBuilder Build(RunResult run)
    {
        var html = new StringBuilder(32 * 1024);
        WriteHeader(html, run);
        WriteCards(html, run);
        WriteProblems(html, run);
        html.Append("<h2>Flows</h2>\n");
        var ordered = run.Flows.Select((flow, index) => (Flow: flow, Index: index)).OrderBy(f => f.Flow.Passed).ThenBy(f => f.Index);
        foreach (var (flow, index) in ordered)
        {
            WriteFlow(html, flow, index);
        }

        return html;
    }

    public static string Title(RunResult run) => $"Pacer run report · {(run.Passed ? "passed" : "failed")}";

    /// <summary>The element id of a step, so the problem list can link to it.</summary>
    public static string Anchor(int flowIndex, int stepNumber) => string.Create(CultureInfo.InvariantCulture, $"flow-{flowIndex}-step-{stepNumber}");

    private static void WriteHeader(StringBuilder html, RunResult run)
    {
        html.Append("<header class=\"top\"><div class=\"grow\"><h1>Test run · ")
            .Append(run.Flows.Count == 1 ? HtmlText.Escape(run.Flows[0].Path) : $"{run.Flows.Count} flows").Append("</h1>");
        html.Append("<div class=\"sub\">").Append(PageNumbers.Timestamp(run.StartedAt)).Append(" · ").Append(PageNumbers.Duration(run.Duration)).Append("</div></div>");
        html.Append("<span class=\"verdict ").Append(run.Passed ? "pass" : "fail").Append("\" data-passed=\"").Append(run.Passed ? "true" : "false").Append("\">")
            .Append(run.Passed ? "✓ Passed" : "✗ Failed").Append("</span></header>\n");
    }

    private static void WriteCards(StringBuilder html, RunResult run)
    {
        var steps = run.Steps.ToList();
        var failed = steps.Count(s => s.Status == StepStatus.Failed);
        var skipped = steps.Count(s => s.Status == StepStatus.Skipped);
        html.Append("<section class=\"cards\">");
        Card(html, "flows", "Flows passed", $"{run.Flows.Count(f => f.Passed)} / {run.Flows.Count}", run.Flows.All(f => f.Passed) ? "good" : "bad");
        Card(html, "passed", "Steps passed", PageNumbers.Count(steps.Count(s => s.Status == StepStatus.Passed)), "");
        Card(html, "failed", "Steps failed", PageNumbers.Count(failed), failed > 0 ? "bad" : "");
        Card(html, "skipped", "Steps skipped", PageNumbers.Count(skipped), skipped > 0 ? "bad" : "");
        Card(html, "warnings", "Warnings", PageNumbers.Count(steps.Sum(s => s.Warnings.Count())), "");
        Card(html, "duration", "Duration", PageNumbers.Duration(run.Duration), "");
        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, string metric, string label, string value, string tone) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {tone}\" data-metric=\"{metric}\"><div class=\"label\">{label}</div><div class=\"value\">{value}</div></div>");

    private static void WriteProblems(StringBuilder html, RunResult run)
    {
        var problems = run.Flows
            .SelectMany((flow, index) => flow.Steps.Where(s => s.Status != StepStatus.Passed).Select(step => (Flow: flow, Index: index, Step: step)))
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        html.Append("<h2>Problems</h2>\n<table class=\"problems\"><tbody>");
        foreach (var (flow, index, step) in problems)
        {
            html.Append("<tr class=\"fail\"><td>").Append(StatusPill(step.Status)).Append("</td><td><a href=\"#").Append(Anchor(index, step.Number)).Append("\">")
                .Append(HtmlText.Escape(flow.Path)).Append(" · step ").Append(step.Number.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(HtmlText.Escape(step.Step.Name)).Append("</a></td><td>").Append(HtmlText.Escape(step.Reason ?? "")).Append("</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void WriteFlow(StringBuilder html, FlowRunResult flow, int index)
    {
        html.Append("<details class=\"flow").Append(flow.Passed ? "" : " fail").Append("\" data-flow=\"").Append(HtmlText.Escape(flow.Path))
            .Append("\" data-passed=\"").Append(flow.Passed ? "true" : "false").Append('"').Append(flow.Passed ? "" : " open").Append('>');
        html.Append("<summary>").Append(flow.Passed ? "<span class=\"pill pass\">passed</span>" : "<span class=\"pill fail\">failed</span>");
        html.Append("<span class=\"step-title\">").Append(HtmlText.Escape(flow.Name)).Append("</span>");
        html.Append("<span class=\"muted grow\">").Append(HtmlText.Escape(flow.Path)).Append("</span>");
        html.Append(CultureInfo.InvariantCulture, $"<span class=\"muted\">{flow.PassedCount} passed · {flow.FailedCount} failed · {flow.SkippedCount} skipped · {PageNumbers.Duration(flow.Duration)}</span></summary>");
        html.Append("<div class=\"body\">");
        foreach (var step in flow.Steps)
        {
            StepSection.Write(html, step, Anchor(index, step.Number));
        }

        html.Append("</div></details>\n");
    }

    public static string StatusPill(StepStatus status) => status switch
    {
        StepStatus.Passed => "<span class=\"pill pass\">passed</span>",
        StepStatus.Failed => "<span class=\"pill fail\">failed</span>",
        _ => "<span class=\"pill skip\">skipped</span>",
    };
}
