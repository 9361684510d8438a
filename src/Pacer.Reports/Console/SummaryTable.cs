using System.Globalization;
using Pacer.Core.Execution;

namespace Pacer.Reports.Console;

/// <summary>The table printed after a run: one row per flow file and a totals line.</summary>
public static class SummaryTable
{
    public static void Write(TextWriter w, ConsoleStyle style, RunResult run)
    {
        string[] header = ["Flow", "Result", "Steps", "Passed", "Failed", "Skipped", "Duration"];
        var rows = run.Flows.Select(f => new[]
        {
            f.Path,
            f.Passed ? "PASS" : "FAIL",
            Count(f.Steps.Count),
            Count(f.PassedCount),
            Count(f.FailedCount),
            Count(f.SkippedCount),
            ReportFormatting.Milliseconds(f.Duration),
        }).ToList();

        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        w.WriteLine(style.Bold(Row(header, widths)));
        w.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in rows)
        {
            var line = Row(row, widths);
            w.WriteLine(row[1] == "PASS" ? line : style.Red(line));
        }

        var steps = run.Steps.ToList();
        var passed = steps.Count(s => s.Status == StepStatus.Passed);
        var failed = steps.Count(s => s.Status == StepStatus.Failed);
        var skipped = steps.Count(s => s.Status == StepStatus.Skipped);
        var warnings = steps.Sum(s => s.Warnings.Count());
        var totals = $"{run.Flows.Count} file(s), {steps.Count} step(s): {passed} passed, {failed} failed, {skipped} skipped"
            + (warnings > 0 ? $", {warnings} warning(s)" : "")
            + $" in {ReportFormatting.Milliseconds(run.Duration)}";
        w.WriteLine();
        w.WriteLine(run.Passed ? style.Green("PASSED  " + totals) : style.Red("FAILED  " + totals));
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Row(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
