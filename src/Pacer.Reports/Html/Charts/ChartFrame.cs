namespace Pacer.Reports.Html.Charts;

/// <summary>
/// The geometry of a chart: an SVG view box with room on the left for value labels and below for
/// the time or latency axis. The SVG scales to its container, so a chart that spans the page gets
/// a wider view box (<see cref="Wide"/>) to keep its text the same size as its neighbours'.
/// </summary>
public sealed record ChartFrame(double Width, double Height)
{
    public const double Left = 52;
    public const double Right = 14;
    public const double Top = 12;
    public const double Bottom = 28;

    /// <summary>A chart in a two-column grid.</summary>
    public static ChartFrame Standard { get; } = new(600, 220);

    /// <summary>A chart across the whole page.</summary>
    public static ChartFrame Wide { get; } = new(1200, 280);

    public double PlotWidth => Width - Left - Right;

    public double PlotHeight => Height - Top - Bottom;

    public double X(double fraction) => Left + (fraction * PlotWidth);

    /// <summary>Fraction 0 is the bottom of the plot, 1 the top.</summary>
    public double Y(double fraction) => Top + ((1 - fraction) * PlotHeight);

    public string OpenSvg(string label, string extraAttributes = "") =>
        $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{HtmlText.Escape(label)}\" " +
        $"data-plot-left=\"{Left}\" data-plot-right=\"{Width - Right}\" data-view-width=\"{Width}\"{extraAttributes}>";
}
