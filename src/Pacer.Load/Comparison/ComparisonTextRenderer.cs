using System.Globalization;

namespace Pacer.Load.Comparison;

/// <summary>
/// Prints a <see cref="ComparisonResult"/> as a plain-text table (one row per step and metric) and a
/// verdict line. Used by <c>pacer compare</c> and at the end of <c>pacer load --baseline</c>.
/// </summary>
public static class ComparisonTextRenderer
{
    private static readonly string[] Headers = ["step", "metric", "baseline", "current", "change", "verdict"];

    public static void Render(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var tolerance = Percent(result.Tolerance * 100);
        output.WriteLine(result.BaselineCount == 1
            ? $"Compared with 1 baseline (tolerance {tolerance})."
            : $"Compared with {result.BaselineCount} baselines (tolerance {tolerance}; a regression must be worse than the worst baseline by more than {tolerance}).");
        foreach (var note in result.Notes)
        {
            output.WriteLine($"Note: {note}");
        }

        output.WriteLine();

        var rows = new List<string[]>();
        foreach (var step in new[] { result.Overall }.Concat(result.Steps))
        {
            if (step.Presence != StepPresence.Both)
            {
                rows.Add([step.Name, "", "", "", "", step.Presence == StepPresence.OnlyCurrent ? "new step" : "missing in current"]);
                continue;
            }

            foreach (var metric in step.Metrics)
            {
                rows.Add([step.Name, metric.Metric.Label(), Baseline(metric), Value(metric.Metric, metric.Current), Change(metric), Verdict(metric)]);
            }
        }

        WriteTable(output, rows);
        output.WriteLine();
        output.WriteLine(Summary(result) + (result.Notes.Count > 0 ? " (runs driven differently: see the note above)" : ""));
    }

    public static string VerdictWord(ComparisonVerdict verdict) => verdict switch
    {
        ComparisonVerdict.Improved => "improved",
        ComparisonVerdict.Regressed => "REGRESSED",
        _ => "same",
    };

    private static string Summary(ComparisonResult result)
    {
        var regressed = new[] { result.Overall }.Concat(result.Steps)
            .SelectMany(s => s.Metrics.Where(m => m.Verdict == ComparisonVerdict.Regressed).Select(m => $"{s.Name} {m.Metric.Label()}"))
            .ToList();
        return regressed.Count > 0
            ? $"Verdict: REGRESSED ({string.Join(", ", regressed)})"
            : $"Verdict: {VerdictWord(result.Verdict)}";
    }

    private static string Verdict(MetricComparison metric) =>
        metric.HasData ? VerdictWord(metric.Verdict) : "no data";

    private static string Baseline(MetricComparison metric)
    {
        if (metric.Baselines.Count == 0)
        {
            return "-";
        }

        var low = metric.Baselines.Min();
        var high = metric.Baselines.Max();
        return low == high ? Value(metric.Metric, low) : $"{Value(metric.Metric, low)}..{Value(metric.Metric, high)}";
    }

    private static string Change(MetricComparison metric) =>
        metric.ChangePercent is { } change ? (change >= 0 ? "+" : "") + Percent(change) : "-";

    private static string Value(ComparedMetric metric, double? value) => value switch
    {
        null => "-",
        { } v when metric == ComparedMetric.ErrorRate => Percent(v * 100),
        { } v when metric == ComparedMetric.Rps => v.ToString("0.#", CultureInfo.InvariantCulture) + "/s",
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture) + "ms",
    };

    private static string Percent(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static void WriteTable(TextWriter output, List<string[]> rows)
    {
        var widths = Headers.Select((header, column) => rows.Select(r => r[column].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(Headers, widths).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths).TrimEnd());
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column])));
}
