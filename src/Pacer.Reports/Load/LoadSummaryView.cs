using System.Globalization;
using Pacer.Load.Results;
using Spectre.Console;

namespace Pacer.Reports.Load;

/// <summary>
/// The end-of-run summary: what ran and how, the overall numbers, a row per step with its SLA,
/// and every threshold with its actual value. Every verdict is a word (pass/FAIL, met/over), so
/// it reads the same without colour.
/// </summary>
internal static class LoadSummaryView
{
    public static void Render(IAnsiConsole console, LoadResult result)
    {
        console.WriteLine();
        console.MarkupLine(Verdict(result));
        if (result.Aborted is { } aborted)
        {
            console.MarkupLine($"[yellow]Aborted:[/] {Markup.Escape(aborted)}");
        }

        console.Write(Overview(result));
        console.WriteLine();
        if (result.Steps.Count > 0)
        {
            console.Write(Steps(result));
            WriteSamples(console, result);
        }

        if (result.Thresholds.Count > 0)
        {
            WriteThresholds(console, result);
        }
    }

    internal static string Verdict(LoadResult result)
    {
        var failed = result.Thresholds.Count(t => !t.Passed);
        var thresholds = result.Thresholds.Count == 0
            ? "no thresholds"
            : $"{result.Thresholds.Count - failed} of {result.Thresholds.Count} thresholds passed";
        return result.Passed
            ? $"[green bold]PASSED[/]  load run: {thresholds}"
            : $"[red bold]FAILED[/]  load run: {thresholds}";
    }

    private static Grid Overview(LoadResult result)
    {
        var s = result.Summary;
        var grid = new Grid();
        grid.AddColumn(new GridColumn().PadRight(2));
        grid.AddColumn();
        Row(grid, "flows", string.Join(", ", result.Flows));
        Row(grid, "executor", LoadFormatting.Executor(result.Executor));
        Row(grid, "transport", LoadFormatting.Transport(result.Transport));
        Row(grid, "duration", string.Create(CultureInfo.InvariantCulture, $"{result.DurationSeconds:0.0}s from {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
        Row(grid, "requests", $"{LoadFormatting.Count(s.Requests)}  ({LoadFormatting.Rate(s.Rps)})");
        Row(grid, "failures", $"{LoadFormatting.Count(s.Failures)}  ({LoadFormatting.Percent(s.ErrorRate)}): {LoadFormatting.FailureKinds(s.FailuresByKind)}");
        Row(grid, "latency", Latency(s.LatencyMs));
        Row(grid, "iterations", $"{LoadFormatting.Count(s.Iterations.Completed)} completed, {LoadFormatting.Count(s.Iterations.Failed)} failed, {LoadFormatting.Count(s.Iterations.Dropped)} dropped (of {LoadFormatting.Count(s.Iterations.Started)} started)");
        if (s.Iterations.Completed + s.Iterations.Failed > 0)
        {
            Row(grid, "iteration time", Latency(s.IterationDurationMs));
        }

        Row(grid, "data", $"{LoadFormatting.Bytes(s.BytesIn)} in, {LoadFormatting.Bytes(s.BytesOut)} out");
        Row(grid, "peak VUs", s.PeakVus.ToString(CultureInfo.InvariantCulture));
        if (s.SlaViolations > 0)
        {
            Row(grid, "SLA", $"{LoadFormatting.Count(s.SlaViolations)} requests over their step's budget");
        }

        if (s.Warnings > 0)
        {
            Row(grid, "warnings", $"{LoadFormatting.Count(s.Warnings)} soft assertions did not hold (not failures)");
        }

        if (s.Retries > 0)
        {
            Row(grid, "retries", $"{LoadFormatting.Count(s.Retries)} failed @retry attempts sent again (counted as requests, not failures)");
        }

        return grid;
    }

    internal static string Latency(LatencyMilliseconds latency) =>
        $"min {LoadFormatting.Milliseconds(latency.Min)}  p50 {LoadFormatting.Milliseconds(latency.P50)}  p90 {LoadFormatting.Milliseconds(latency.P90)}  " +
        $"p95 {LoadFormatting.Milliseconds(latency.P95)}  p99 {LoadFormatting.Milliseconds(latency.P99)}  max {LoadFormatting.Milliseconds(latency.Max)}  mean {LoadFormatting.Milliseconds(latency.Mean)}";

    private static void Row(Grid grid, string name, string value) =>
        grid.AddRow($"[grey]{name}[/]", Markup.Escape(value));

    private static Table Steps(LoadResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("steps");
        table.AddColumn("step");
        foreach (var name in new[] { "requests", "failures", "rps", "p50", "p95", "p99", "max" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        table.AddColumn("SLA");
        foreach (var step in result.Steps)
        {
            var failures = $"{LoadFormatting.Count(step.Failures)} ({LoadFormatting.Percent(step.ErrorRate)})";
            var sla = Markup.Escape(LoadFormatting.Sla(step.Sla));
            table.AddRow(
                Markup.Escape(step.Method.Length == 0 ? step.Name : $"{step.Name}  {step.Method} {step.Url}"),
                LoadFormatting.Count(step.Requests),
                step.Failures > 0 ? $"[red]{failures}[/]" : failures,
                LoadFormatting.Rate(step.Rps),
                LoadFormatting.Milliseconds(step.LatencyMs.P50),
                LoadFormatting.Milliseconds(step.LatencyMs.P95),
                LoadFormatting.Milliseconds(step.LatencyMs.P99),
                LoadFormatting.Milliseconds(step.LatencyMs.Max),
                step.Sla is { Met: false } ? $"[yellow]{sla}[/]" : sla);
        }

        return table;
    }

    /// <summary>One example per step and failure kind, so "30 5xx" comes with what the server said.</summary>
    private static void WriteSamples(IAnsiConsole console, LoadResult result)
    {
        var samples = result.Steps.SelectMany(step => step.Samples.Select(sample => (Step: step.Name, Sample: sample))).ToList();
        if (samples.Count == 0)
        {
            return;
        }

        console.MarkupLine("[grey]failure samples (the first of each kind):[/]");
        foreach (var (step, sample) in samples)
        {
            var status = sample.Status is { } code ? $" {code.ToString(CultureInfo.InvariantCulture)}" : "";
            var body = sample.Body is { Length: > 0 } text ? "  body: " + OneLine(text, 100) : "";
            console.WriteLine($"  {step}  {sample.Kind}{status}: {OneLine(sample.Message, 120)}{body}");
        }

        console.WriteLine();
    }

    private static string OneLine(string text, int maxChars)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= maxChars ? line : line[..maxChars] + "…";
    }

    /// <summary>
    /// Every threshold on its own line, <c>FAIL  p95&lt;150ms  actual 182ms</c>: a borderless table
    /// whose rows can be grepped by verdict and threshold text.
    /// </summary>
    private static void WriteThresholds(IAnsiConsole console, LoadResult result)
    {
        console.MarkupLine("[grey]thresholds:[/]");
        var grid = new Grid();
        grid.AddColumn(new GridColumn().PadLeft(2).PadRight(2));
        grid.AddColumn(new GridColumn().PadRight(2));
        grid.AddColumn(new GridColumn().PadRight(0));
        foreach (var threshold in result.Thresholds)
        {
            grid.AddRow(
                threshold.Passed ? "[green]pass[/]" : "[red bold]FAIL[/]",
                Markup.Escape(LoadFormatting.ThresholdText(threshold)),
                Markup.Escape("actual " + (threshold.ActualText.Length == 0 ? "-" : threshold.ActualText)));
        }

        console.Write(grid);
    }
}
