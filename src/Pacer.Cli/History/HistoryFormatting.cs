using System.Globalization;

namespace Pacer.Cli.History;

/// <summary>How history numbers read in <c>pacer history</c> and <c>pacer show</c>.</summary>
internal static class HistoryFormatting
{
    public static string Milliseconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "ms";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Rate(double perSecond) => perSecond.ToString("0.#", CultureInfo.InvariantCulture) + "/s";

    public static string Requests(HistoryEntry entry) => entry.Kind == HistoryKinds.Load
        ? entry.Requests.ToString(CultureInfo.InvariantCulture)
        : $"{entry.Requests} steps";

    public static void WriteTable(TextWriter output, string[] headers, IReadOnlyList<string[]> rows)
    {
        var widths = headers.Select((header, column) => rows.Select(r => r[column].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(headers, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
}
