using System.Globalization;
using System.Text;

namespace Pacer.Reports.Html.Charts;

/// <summary>
/// The latency distribution as SVG bars with p50/p95/p99 markers. The figure carries
/// <c>data-points</c> (bars) and <c>data-total</c> (requests), each bar its range and count.
/// </summary>
public static class DistributionChart
{
    private static ChartFrame Frame => ChartFrame.Wide;

    public static void Write(StringBuilder html, string key, string title, LatencyDistribution distribution)
    {
        var bins = distribution.Bins;
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart bar-chart\" data-chart=\"{HtmlText.Escape(key)}\" data-points=\"{bins.Count}\" data-total=\"{distribution.Total}\" data-scale=\"{(distribution.Logarithmic ? "log" : "linear")}\">");
        html.Append("<figcaption><span class=\"chart-title\">").Append(HtmlText.Escape(title)).Append("</span><span class=\"legend\">");
        foreach (var marker in distribution.Markers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"key marker-{marker.Name}\"><i></i>{marker.Name} {PageNumbers.Milliseconds(marker.Ms)}</span>");
        }

        html.Append("</span></figcaption>");
        html.Append(Frame.OpenSvg(title));
        var scale = AxisScale.ZeroTo(bins.Select(b => (double)b.Count).DefaultIfEmpty(0).Max());
        WriteCountAxis(html, scale);
        if (bins.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"empty\" x=\"{Frame.Width / 2}\" y=\"{Frame.Height / 2}\" text-anchor=\"middle\">no requests recorded</text>");
        }

        var slot = Frame.PlotWidth / Math.Max(1, bins.Count);
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var top = Frame.Y(scale.Fraction(bin.Count));
            var height = Frame.Y(0) - top;
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"bar\" x=\"{PageNumbers.Coordinate(ChartFrame.Left + (i * slot) + 0.5)}\" y=\"{PageNumbers.Coordinate(top)}\" width=\"{PageNumbers.Coordinate(Math.Max(1, slot - 1))}\" height=\"{PageNumbers.Coordinate(height)}\" ");
            html.Append(CultureInfo.InvariantCulture,
                $"data-from-ms=\"{PageNumbers.Exact(bin.FromMs)}\" data-to-ms=\"{PageNumbers.Exact(bin.ToMs)}\" data-count=\"{bin.Count}\">");
            html.Append(CultureInfo.InvariantCulture, $"<title>{PageNumbers.Milliseconds(bin.FromMs)} – {PageNumbers.Milliseconds(bin.ToMs)}: {PageNumbers.Count(bin.Count)} requests</title></rect>");
        }

        WriteLatencyAxis(html, distribution);
        foreach (var marker in distribution.Markers)
        {
            var x = PageNumbers.Coordinate(Frame.X(distribution.Fraction(marker.Ms)));
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"marker marker-{marker.Name}\" data-percentile=\"{marker.Name}\" data-ms=\"{PageNumbers.Exact(marker.Ms)}\" x1=\"{x}\" x2=\"{x}\" y1=\"{ChartFrame.Top}\" y2=\"{Frame.Y(0)}\"><title>{marker.Name} {PageNumbers.Milliseconds(marker.Ms)}</title></line>");
        }

        html.Append("</svg></figure>");
    }

    private static void WriteCountAxis(StringBuilder html, AxisScale scale)
    {
        html.Append("<g class=\"grid\">");
        foreach (var tick in scale.Ticks)
        {
            var y = PageNumbers.Coordinate(Frame.Y(scale.Fraction(tick)));
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{ChartFrame.Left}\" x2=\"{Frame.Width - ChartFrame.Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartFrame.Left - 6}\" y=\"{y}\" dy=\"0.32em\" text-anchor=\"end\">{PageNumbers.Axis(tick)}</text>");
        }

        html.Append("</g>");
    }

    private static void WriteLatencyAxis(StringBuilder html, LatencyDistribution distribution)
    {
        if (distribution.Bins.Count == 0)
        {
            return;
        }

        html.Append("<g class=\"axis\">");
        var y = Frame.Y(0) + 18;
        const int Labels = 6;
        for (var i = 0; i <= Labels; i++)
        {
            var index = Math.Min(distribution.Bins.Count, i * distribution.Bins.Count / Labels);
            var ms = index == distribution.Bins.Count ? distribution.Bins[^1].ToMs : distribution.Bins[index].FromMs;
            var x = PageNumbers.Coordinate(Frame.X(distribution.Fraction(ms)));
            var anchor = i == 0 ? "start" : i == Labels ? "end" : "middle";
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{PageNumbers.Milliseconds(ms)}</text>");
        }

        html.Append("</g>");
    }
}
