using System.Globalization;
using System.Text;

namespace Pacer.Reports.Html.Charts;

/// <summary>How a <see cref="LineChart"/> is drawn beyond its series.</summary>
public sealed record LineChartOptions
{
    /// <summary>Shade the area under the first series.</summary>
    public bool FillFirst { get; init; }

    /// <summary>A logarithmic value axis (latency): one spike does not flatten everything else.</summary>
    public bool Logarithmic { get; init; }

    /// <summary>How long the last point's second lasted when it was partial: its values are scaled to a full second, and the point is marked.</summary>
    public double? PartialLastSeconds { get; init; }

    /// <summary>A line under the chart saying how to read it.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A time chart as inline SVG: one path per series over the run's seconds, gridlines on nice
/// values, and a legend. Every line carries <c>data-series</c>, <c>data-points</c> and
/// <c>data-values</c>, so tests and the hover script read the exact numbers that were drawn.
/// No script is needed to see it.
/// </summary>
public static class LineChart
{
    private static ChartFrame Frame => ChartFrame.Standard;

    public static void Write(StringBuilder html, string key, string title, string unit, IReadOnlyList<long> seconds, IReadOnlyList<ChartSeries> series, bool fillFirst = false) =>
        Write(html, key, title, unit, seconds, series, new LineChartOptions { FillFirst = fillFirst });

    public static void Write(StringBuilder html, string key, string title, string unit, IReadOnlyList<long> seconds, IReadOnlyList<ChartSeries> series, LineChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var count = seconds.Count;
        var values = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var scale = options.Logarithmic
            ? AxisScale.Log(values.Where(v => v > 0).DefaultIfEmpty(0).Min(), values.DefaultIfEmpty(0).Max())
            : AxisScale.ZeroTo(values.DefaultIfEmpty(0).Max());
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart line-chart\" data-chart=\"{HtmlText.Escape(key)}\" data-points=\"{count}\" data-unit=\"{HtmlText.Escape(unit)}\" data-scale=\"{(scale.Logarithmic ? "log" : "linear")}\"");
        if (options.PartialLastSeconds is { } partial)
        {
            html.Append(CultureInfo.InvariantCulture, $" data-partial-last=\"{PageNumbers.Exact(partial)}\"");
        }

        html.Append("><figcaption><span class=\"chart-title\">").Append(HtmlText.Escape(title)).Append("</span><span class=\"legend\">");
        foreach (var line in series)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"key {line.Tone}{(line.Dashed ? " dashed" : "")}\"><i></i>{HtmlText.Escape(line.Label)}</span>");
        }

        html.Append("</span></figcaption>");
        html.Append(Frame.OpenSvg(title, $" data-seconds=\"{string.Join(' ', seconds)}\""));
        html.Append(CultureInfo.InvariantCulture, $"<desc>{HtmlText.Escape(title)} per second, {count} points{(scale.Logarithmic ? ", logarithmic scale" : "")}</desc>");
        WriteValueAxis(html, scale, unit);
        WriteTimeAxis(html, seconds);
        if (count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Frame.Width / 2}\" y=\"{Frame.Height / 2}\" text-anchor=\"middle\">no data</text>");
        }

        for (var i = 0; i < series.Count; i++)
        {
            WriteSeries(html, series[i], seconds, scale, fill: options.FillFirst && i == 0, partialLast: options.PartialLastSeconds is not null);
        }

        html.Append(CultureInfo.InvariantCulture, $"<line class=\"cursor\" x1=\"0\" x2=\"0\" y1=\"{ChartFrame.Top}\" y2=\"{ChartFrame.Top + Frame.PlotHeight}\" visibility=\"hidden\"/>");
        html.Append("</svg><div class=\"tip\" hidden></div>");
        if (options.Note is { } note)
        {
            html.Append("<p class=\"chart-note\">").Append(HtmlText.Escape(note)).Append("</p>");
        }

        html.Append("</figure>");
    }

    private static void WriteSeries(StringBuilder html, ChartSeries line, IReadOnlyList<long> seconds, AxisScale scale, bool fill, bool partialLast)
    {
        var path = new StringBuilder();
        var count = Math.Min(seconds.Count, line.Values.Count);
        var drawn = new List<(double X, double Y)>();
        var segmentOpen = false;
        for (var i = 0; i < count; i++)
        {
            var value = line.Values[i];
            if (!double.IsFinite(value) || (scale.Logarithmic && value <= 0))
            {
                segmentOpen = false;
                continue;
            }

            var (x, y) = (XOf(i, seconds), Frame.Y(scale.Fraction(value)));
            path.Append(segmentOpen ? " L" : (path.Length == 0 ? "M" : " M")).Append(PageNumbers.Coordinate(x)).Append(',').Append(PageNumbers.Coordinate(y));
            segmentOpen = true;
            drawn.Add((x, y));
        }

        if (fill && drawn.Count > 1 && drawn.Count == count)
        {
            var baseline = PageNumbers.Coordinate(Frame.Y(0));
            html.Append(CultureInfo.InvariantCulture, $"<path class=\"area {line.Tone}\" d=\"M{PageNumbers.Coordinate(drawn[0].X)},{baseline} L{path.ToString()[1..]} L{PageNumbers.Coordinate(drawn[^1].X)},{baseline} Z\"/>");
        }

        var values = string.Join(' ', line.Values.Take(count).Select(PageNumbers.Exact));
        html.Append(CultureInfo.InvariantCulture, $"<path class=\"line {line.Tone}{(line.Dashed ? " dashed" : "")}\" data-series=\"{HtmlText.Escape(line.Key)}\" data-label=\"{HtmlText.Escape(line.Label)}\" data-points=\"{count}\" data-drawn=\"{drawn.Count}\" data-values=\"{values}\" d=\"{path}\">");
        html.Append("<title>").Append(HtmlText.Escape(line.Label)).Append("</title></path>");
        if (drawn.Count == 1 || (partialLast && drawn.Count > 0 && !line.Dashed))
        {
            // A single second draws no line, and a partial last second is scaled: a dot shows either.
            var (x, y) = drawn[^1];
            html.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot {line.Tone}{(partialLast ? " partial" : "")}\" cx=\"{PageNumbers.Coordinate(x)}\" cy=\"{PageNumbers.Coordinate(y)}\" r=\"3\"/>");
        }
    }

    private static double XOf(int index, IReadOnlyList<long> seconds)
    {
        if (seconds.Count < 2)
        {
            return Frame.X(0.5);
        }

        var first = seconds[0];
        var span = Math.Max(1, seconds[^1] - first);
        return Frame.X((seconds[index] - first) / (double)span);
    }

    private static void WriteValueAxis(StringBuilder html, AxisScale scale, string unit)
    {
        html.Append("<g class=\"grid\">");
        foreach (var tick in scale.Ticks)
        {
            var y = PageNumbers.Coordinate(Frame.Y(scale.Fraction(tick)));
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{ChartFrame.Left}\" x2=\"{Frame.Width - ChartFrame.Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartFrame.Left - 6}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\" data-tick=\"{PageNumbers.Exact(tick)}\">{PageNumbers.Axis(tick)}{(tick == scale.Ticks[^1] ? HtmlText.Escape(unit) : "")}</text>");
        }

        html.Append("</g>");
    }

    private static void WriteTimeAxis(StringBuilder html, IReadOnlyList<long> seconds)
    {
        if (seconds.Count == 0)
        {
            return;
        }

        html.Append("<g class=\"axis\">");
        var first = seconds[0];
        var last = seconds[^1];
        var step = TimeStep(last - first);
        var y = ChartFrame.Top + Frame.PlotHeight + 18;
        for (var second = first; second <= last; second += step)
        {
            var x = seconds.Count < 2 ? Frame.X(0.5) : Frame.X((second - first) / (double)Math.Max(1, last - first));
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{PageNumbers.Coordinate(x)}\" y=\"{y}\" text-anchor=\"middle\">{Clock(second)}</text>");
        }

        html.Append("</g>");
    }

    /// <summary>A label every 5 s, 10 s, 30 s, 1 min… so about six fit on the axis.</summary>
    private static long TimeStep(long span)
    {
        long[] steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
        return steps.FirstOrDefault(s => span / s <= 6, 7200);
    }

    public static string Clock(long second) =>
        string.Create(CultureInfo.InvariantCulture, $"{second / 60}:{second % 60:00}");
}
