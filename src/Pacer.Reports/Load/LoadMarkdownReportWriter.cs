using System.Globalization;
using System.Text;
using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>
/// A CI job-summary page for a load run (<c>--report markdown=PATH</c>, e.g. appended to
/// <c>$GITHUB_STEP_SUMMARY</c>): the verdict, the headline numbers, latency, a per-step table
/// with SLA status, and every threshold with its actual value.
/// </summary>
public sealed class LoadMarkdownReportWriter : ILoadReportWriter
{
    public string Format => "markdown";

    public void Write(LoadResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var md = new StringBuilder();
        var failed = result.Thresholds.Count(t => !t.Passed);
        md.AppendLine(CultureInfo.InvariantCulture, $"## Pacer load: {(result.Passed ? "✅ passed" : "❌ failed")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{Cell(string.Join(", ", result.Flows))} · {Cell(LoadFormatting.Executor(result.Executor))} · {result.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s · transport {Cell(LoadFormatting.Transport(result.Transport))}");
        md.AppendLine();
        if (result.Thresholds.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"{result.Thresholds.Count - failed} of {result.Thresholds.Count} thresholds passed.");
            md.AppendLine();
        }

        if (result.Aborted is { } aborted)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"> **Aborted:** {Cell(aborted)}");
            md.AppendLine();
        }

        Summary(md, result.Summary);
        Steps(md, result.Steps);
        Thresholds(md, result.Thresholds);
        destination.Write(new UTF8Encoding(false).GetBytes(md.ToString()));
    }

    private static void Summary(StringBuilder md, LoadResultSummary s)
    {
        md.AppendLine("### Summary");
        md.AppendLine();
        md.AppendLine("| Requests | Requests/s | Failures | Error rate | Data in | Data out | Iterations | Dropped | Peak VUs |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {LoadFormatting.Count(s.Requests)} | {LoadFormatting.Rate(s.Rps)} | {LoadFormatting.Count(s.Failures)} | {LoadFormatting.Percent(s.ErrorRate)} | {LoadFormatting.Bytes(s.BytesIn)} | {LoadFormatting.Bytes(s.BytesOut)} | {LoadFormatting.Count(s.Iterations.Completed)} completed, {LoadFormatting.Count(s.Iterations.Failed)} failed | {LoadFormatting.Count(s.Iterations.Dropped)} | {s.PeakVus} |");
        md.AppendLine();
        md.AppendLine("| Latency | min | p50 | p90 | p95 | p99 | max | mean |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| requests | {LatencyCells(s.LatencyMs)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| iterations | {LatencyCells(s.IterationDurationMs)} |");
        md.AppendLine();
        if (s.FailuresByKind.Values.Any(v => v > 0))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Failures by kind: {Cell(LoadFormatting.FailureKinds(s.FailuresByKind))}.");
            md.AppendLine();
        }
    }

    private static void Steps(StringBuilder md, IReadOnlyList<LoadStepResult> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        md.AppendLine("### Steps");
        md.AppendLine();
        md.AppendLine("| Step | Request | Requests | Failures | Requests/s | p50 | p95 | p99 | max | SLA |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var step in steps)
        {
            var sla = step.Sla switch
            {
                null => "-",
                { Met: true } => $"✅ {LoadFormatting.Sla(step.Sla)}",
                _ => $"❌ {LoadFormatting.Sla(step.Sla)}",
            };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(step.Name)} | `{Cell($"{step.Method} {step.Url}".Trim())}` | {LoadFormatting.Count(step.Requests)} | {LoadFormatting.Count(step.Failures)} ({LoadFormatting.Percent(step.ErrorRate)}) | {LoadFormatting.Rate(step.Rps)} | {LoadFormatting.Milliseconds(step.LatencyMs.P50)} | {LoadFormatting.Milliseconds(step.LatencyMs.P95)} | {LoadFormatting.Milliseconds(step.LatencyMs.P99)} | {LoadFormatting.Milliseconds(step.LatencyMs.Max)} | {Cell(sla)} |");
        }

        md.AppendLine();
    }

    private static void Thresholds(StringBuilder md, IReadOnlyList<ThresholdOutcome> thresholds)
    {
        if (thresholds.Count == 0)
        {
            return;
        }

        md.AppendLine("### Thresholds");
        md.AppendLine();
        md.AppendLine("| Threshold | Actual | Result |");
        md.AppendLine("| --- | ---: | --- |");
        foreach (var threshold in thresholds)
        {
            var actual = threshold.ActualText.Length == 0 ? "no data" : threshold.ActualText;
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{Cell(threshold.Text)}`{(threshold.Implicit ? " (default: no threshold on checks or errors)" : "")} | {Cell(actual)} | {(threshold.Passed ? "✅ pass" : "❌ FAIL")} |");
        }

        md.AppendLine();
    }

    private static string LatencyCells(LatencyMilliseconds l) =>
        string.Join(" | ", new[] { l.Min, l.P50, l.P90, l.P95, l.P99, l.Max, l.Mean }.Select(LoadFormatting.Milliseconds));

    /// <summary>Keeps table cells on one line and stops pipes from splitting them.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
