using System.Globalization;
using Pacer.Load.Runtime;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pacer.Reports.Load;

/// <summary>What the live panel draws for one progress snapshot: time and bar, headline numbers, steps, thresholds.</summary>
internal static class LoadProgressView
{
    private const int BarWidth = 30;

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
            rows.Add(Thresholds(progress));
        }

        return new Panel(new Rows(rows)).Header("pacer load").Border(BoxBorder.Rounded).Expand();
    }

    /// <summary><c>12s / 1m00s  [██████░░░…]  20%</c>, or only the elapsed time when the end is not known (--iterations).</summary>
    internal static string TimeLine(LoadProgress progress)
    {
        if (progress.Total is not { } total || total <= TimeSpan.Zero)
        {
            return $"elapsed {LoadFormatting.Duration(progress.Elapsed)}";
        }

        var fraction = Math.Clamp(progress.Elapsed / total, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var bar = new string('█', filled) + new string('░', BarWidth - filled);
        return string.Create(CultureInfo.InvariantCulture, $"{LoadFormatting.Duration(progress.Elapsed)} / {LoadFormatting.Duration(total)}  {bar}  {fraction * 100:0}%");
    }

    private static Grid Headline(LoadProgress progress)
    {
        var grid = new Grid();
        for (var i = 0; i < 6; i++)
        {
            grid.AddColumn(new GridColumn().PadRight(3));
        }

        grid.AddRow("[grey]VUs[/]", "[grey]requests/s[/]", "[grey]p95[/]", "[grey]errors[/]", "[grey]requests[/]", "[grey]dropped[/]");
        var errors = LoadFormatting.Percent(progress.ErrorRate);
        grid.AddRow(
            progress.ActiveVus.ToString(CultureInfo.InvariantCulture),
            LoadFormatting.Rate(progress.RequestsPerSecond),
            LoadFormatting.Milliseconds(progress.P95Ms),
            progress.Failures > 0 ? $"[red]{errors}[/]" : errors,
            LoadFormatting.Count(progress.Requests),
            progress.DroppedIterations > 0 ? $"[yellow]{LoadFormatting.Count(progress.DroppedIterations)}[/]" : "0");
        return grid;
    }

    private static Table StepTable(LoadProgress progress)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("step");
        table.AddColumn(new TableColumn("requests").RightAligned());
        table.AddColumn(new TableColumn("p95").RightAligned());
        table.AddColumn(new TableColumn("errors").RightAligned());
        table.AddColumn(new TableColumn("SLA violations").RightAligned());
        foreach (var step in progress.Steps)
        {
            table.AddRow(
                Markup.Escape(step.Name),
                LoadFormatting.Count(step.Requests),
                LoadFormatting.Milliseconds(step.P95Ms),
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
