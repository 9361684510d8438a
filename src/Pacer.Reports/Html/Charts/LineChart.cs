using System.Globalization;
using System.Text;

namespace Pacer.Reports.Html.Charts;

/// <summary>
/// A time chart as inline SVG: one polyline per series over the run's seconds, gridlines on nice
/// values, and a legend. Every line carries <c>data-series</c>, <c>data-points</c> and
/// <c>data-values</c>, so tests and the hover script read the exact numbers that were drawn.
/// No script is needed to see it.
/// </summary>
public static class LineChart
{
    private static ChartFrame Frame => ChartFrame.Standard;

    public static void Write(StringBuilder html, string key, string title, string unit, IReadOnlyList<long> seconds, IReadOnlyList<ChartSeries> series, bool fillFirst = false)
    {
        var count = seconds.Count;
        var scale = AxisScale.ZeroTo(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart line-chart\" data-chart=\"{HtmlText.Escape(key)}\" data-points=\"{count}\" data-unit=\"{HtmlText.Escape(unit)}\">");
        html.Append("<figcaption><span class=\"chart-title\">").Append(HtmlText.Escape(title)).Append("</span><span class=\"legend\">");
        foreach (var line in series)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"key {line.Tone}\"><i></i>{HtmlText.Escape(line.Label)}</span>");
        }

        html.Append("</span></figcaption>");
        html.Append(Frame.OpenSvg(title, $" data-seconds=\"{string.Join(' ', seconds)}\""));
        html.Append(CultureInfo.InvariantCulture, $"<desc>{HtmlText.Escape(title)} per second, {count} points</desc>");
        WriteValueAxis(html, scale, unit);
        WriteTimeAxis(html, seconds);
        if (count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Frame.Width / 2}\" y=\"{Frame.Height / 2}\" text-anchor=\"middle\">no data</text>");
        }

        for (var i = 0; i < series.Count; i++)
        {
            WriteSeries(html, series[i], seconds, scale, fill: fillFirst && i == 0);
        }

        html.Append(CultureInfo.InvariantCulture, $"<line class=\"cursor\" x1=\"0\" x2=\"0\" y1=\"{ChartFrame.Top}\" y2=\"{ChartFrame.Top + Frame.PlotHeight}\" visibility=\"hidden\"/>");
        html.Append("</svg><div class=\"tip\" hidden></div></figure>");
    }

    private static void WriteSeries(StringBuilder html, ChartSeries line, IReadOnlyList<long> seconds, AxisScale scale, bool fill)
    {
        var points = new StringBuilder();
        var count = Math.Min(seconds.Count, line.Values.Count);
        for (var i = 0; i < count; i++)
        {
            points.Append(PageNumbers.Coordinate(XOf(i, seconds))).Append(',').Append(PageNumbers.Coordinate(Frame.Y(scale.Fraction(line.Values[i])))).Append(' ');
        }

        var coordinates = points.ToString().TrimEnd();
        if (fill && count > 1)
        {
            var baseline = PageNumbers.Coordinate(Frame.Y(0));
            html.Append(CultureInfo.InvariantCulture, $"<polygon class=\"area {line.Tone}\" points=\"{PageNumbers.Coordinate(XOf(0, seconds))},{baseline} {coordinates} {PageNumbers.Coordinate(XOf(count - 1, seconds))},{baseline}\"/>");
        }

        var values = string.Join(' ', line.Values.Take(count).Select(PageNumbers.Exact));
        html.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line {line.Tone}\" data-series=\"{HtmlText.Escape(line.Key)}\" data-label=\"{HtmlText.Escape(line.Label)}\" data-points=\"{count}\" data-values=\"{values}\" points=\"{coordinates}\">");
        html.Append("<title>").Append(HtmlText.Escape(line.Label)).Append("</title></polyline>");
        if (count == 1)
        {
            // A single second draws no line; a dot shows it exists.
            html.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot {line.Tone}\" cx=\"{PageNumbers.Coordinate(XOf(0, seconds))}\" cy=\"{PageNumbers.Coordinate(Frame.Y(scale.Fraction(line.Values[0])))}\" r=\"3\"/>");
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
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartFrame.Left - 6}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\">{PageNumbers.Axis(tick)}{(tick == scale.Ticks[^1] ? HtmlText.Escape(unit) : "")}</text>");
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
