using System.Globalization;
using Pacer.Load.Runtime;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pacer.Reports.Load;

/// <summary>
/// What the live panel draws for one progress snapshot: time and bar, headline numbers, steps,
/// thresholds. Every figure says what it covers: VUs, requests/s and p95 are the last second that
/// ended (the whole run in the final frame); requests, errors, dropped, the step table and the
/// thresholds are the whole run so far.
/// </summary>
internal static class LoadProgressView
{
    private const int BarWidth = 30;
    private const string None = "—";

    public static IRenderable Starting() =>
        new Panel(new Markup("[grey]starting…[/]")).Header("pacer load").Border(BoxBorder.Rounded);

    public static IRenderable Render(LoadProgress progress)
    {
        var rows = new List<IRenderable>
        {
            new Markup(Markup.Escape(TimeLine(progress))),
            Headline(progress),
        };

        if (progress.Steps.Count > 0)
        {
            rows.Add(StepTable(progress));
        }

        if (progress.Thresholds.Count > 0)
        {
            rows.Add(new Markup(progress.Final ? "[grey]thresholds (whole run)[/]" : "[grey]thresholds (whole run so far)[/]"));
            rows.Add(Thresholds(progress));
        }

        return new Panel(new Rows(rows)).Header("pacer load").Border(BoxBorder.Rounded).Expand();
    }

    /// <summary><c>12s / 1m00s  [██████░░░…]  20%</c>, or only the elapsed time when the end is not known (--iterations); the final frame of a run that ran its course is full.</summary>
    internal static string TimeLine(LoadProgress progress)
    {
        if (progress.Total is not { } total || total <= TimeSpan.Zero)
        {
            return $"elapsed {LoadFormatting.Duration(progress.Elapsed)}" + (progress.Final ? "  done" : "");
        }

        var completed = progress.Final && progress.Completed;
        var elapsed = completed && progress.Elapsed < total ? total : progress.Elapsed;
        var fraction = completed ? 1 : Math.Clamp(elapsed / total, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var bar = new string('█', filled) + new string('░', BarWidth - filled);
        var state = !progress.Final ? "" : completed ? "  done" : "  stopped";
        return string.Create(CultureInfo.InvariantCulture, $"{LoadFormatting.Duration(elapsed)} / {LoadFormatting.Duration(total)}  {bar}  {fraction * 100:0}%{state}");
    }

    /// <summary>What the rate, p95 and VU columns cover: <c>last second (11-12s)</c>, or <c>whole run</c> in the final frame.</summary>
    internal static string Window(LoadProgress progress) =>
        progress.Final ? "whole run"
        : progress.LastSecond is { } second ? string.Create(CultureInfo.InvariantCulture, $"last second ({second}-{second + 1}s)")
        : "first second not over";

    private static Grid Headline(LoadProgress progress)
    {
        var grid = new Grid();
        var columns = progress.OpenModel ? 7 : 6;
        for (var i = 0; i < columns; i++)
        {
            grid.AddColumn(new GridColumn().PadRight(3));
        }

        var vus = progress.Final ? "peak VUs" : progress.OpenModel ? "busy VUs" : "VUs";
        var headers = new List<string> { $"[grey]{vus}[/]", "[grey]requests/s[/]", "[grey]p95[/]" };
        var values = new List<string>
        {
            progress.ActiveVus.ToString(CultureInfo.InvariantCulture),
            progress.RequestsPerSecond is { } rps ? LoadFormatting.Rate(rps) : None,
            progress.P95Ms is { } p95 ? LoadFormatting.Milliseconds(p95) : None,
        };
        if (progress.OpenModel)
        {
            headers.Add("[grey]target[/]");
            values.Add(progress.TargetRate is { } target ? LoadFormatting.Rate(target) : None);
        }

        headers.AddRange(["[grey]requests[/]", "[grey]errors[/]", "[grey]dropped[/]"]);
        var errors = LoadFormatting.Percent(progress.ErrorRate);
        values.AddRange(
        [
            LoadFormatting.Count(progress.Requests),
            progress.Failures > 0 ? $"[red]{errors}[/]" : errors,
            progress.DroppedIterations > 0 ? $"[yellow]{LoadFormatting.Count(progress.DroppedIterations)}[/]" : "0",
        ]);

        // The line above the headers says which columns are "now" and which are cumulative.
        var scopes = new List<string> { $"[grey]{Markup.Escape(Window(progress))}[/]" };
        scopes.AddRange(Enumerable.Repeat("", progress.OpenModel ? 3 : 2));
        scopes.Add(progress.Final ? "[grey]whole run[/]" : "[grey]whole run so far[/]");
        scopes.AddRange(["", ""]);
        grid.AddRow([.. scopes]);
        grid.AddRow([.. headers]);
        grid.AddRow([.. values]);
        return grid;
    }

    private static Table StepTable(LoadProgress progress)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("step");
        table.AddColumn(new TableColumn("requests").RightAligned());
        table.AddColumn(new TableColumn(progress.Final ? "p95" : "p95 so far").RightAligned());
        table.AddColumn(new TableColumn("errors").RightAligned());
        table.AddColumn(new TableColumn("SLA violations").RightAligned());
        foreach (var step in progress.Steps)
        {
            table.AddRow(
                Markup.Escape(step.Name),
                LoadFormatting.Count(step.Requests),
                step.Requests == 0 ? None : LoadFormatting.Milliseconds(step.P95Ms),
                step.ErrorRate > 0 ? $"[red]{LoadFormatting.Percent(step.ErrorRate)}[/]" : "0%",
                step.SlaViolations > 0 ? $"[yellow]{LoadFormatting.Count(step.SlaViolations)}[/]" : "0");
        }

        return table;
    }

    private static Rows Thresholds(LoadProgress progress) =>
        new(progress.Thresholds.Select(threshold => (IRenderable)new Markup(
            (threshold.Passed ? "[green]pass[/]" : "[red]FAIL[/]") +
            $"  {Markup.Escape(threshold.Text)}  [grey]actual[/] {Markup.Escape(threshold.ActualText)}")));
}
