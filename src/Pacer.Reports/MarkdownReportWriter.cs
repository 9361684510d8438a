using System.Globalization;
using System.Text;
using Pacer.Core.Execution;

namespace Pacer.Reports;

/// <summary>
/// A Markdown summary (<c>--report markdown=PATH</c>) for CI job summaries: a totals line,
/// a table per flow file, then the failures with their failed assertions.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "markdown";

    public void Write(RunResult run, Stream destination)
    {
        var steps = run.Steps.ToList();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Pacer run: {(run.Passed ? "✅ passed" : "❌ failed")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{run.Flows.Count} file(s), {steps.Count} step(s): {steps.Count(s => s.Passed)} passed, {steps.Count(s => s.Status == StepStatus.Failed)} failed, {steps.Count(s => s.Status == StepStatus.Skipped)} skipped in {ReportFormatting.Milliseconds(run.Duration)}.");
        md.AppendLine();
        md.AppendLine("| Flow | Result | Steps | Passed | Failed | Skipped | Duration |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var flow in run.Flows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(flow.Path)} | {(flow.Passed ? "✅ pass" : "❌ fail")} | {flow.Steps.Count} | {flow.PassedCount} | {flow.FailedCount} | {flow.SkippedCount} | {ReportFormatting.Milliseconds(flow.Duration)} |");
        }

        var problems = run.Flows.SelectMany(f => f.Steps.Where(s => !s.Passed || s.Warnings.Any()).Select(s => (Flow: f, Step: s))).ToList();
        if (problems.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("### Problems");
            md.AppendLine();
            foreach (var (flow, step) in problems)
            {
                var word = step.Passed ? "⚠️ warning" : step.Status == StepStatus.Failed ? "❌ failed" : "⏭️ skipped";
                md.AppendLine(CultureInfo.InvariantCulture, $"- {word} **{Cell(flow.Path)}** step {step.Number} `{ReportFormatting.Method(step)} {Cell(ReportFormatting.Url(step))}`{(step.Reason is null ? "" : ": " + Cell(step.Reason))}");
                foreach (var failed in step.Assertions.Where(a => !a.Passed))
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - `{failed.Assertion.Text}` (line {failed.Assertion.Span.Line}): expected {Cell(failed.Expected)}, actual {Cell(failed.Actual)}");
                }
            }
        }

        var bytes = new UTF8Encoding(false).GetBytes(md.ToString());
        destination.Write(bytes);
    }

    /// <summary>Keeps table cells on one line and stops pipes from splitting them.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
