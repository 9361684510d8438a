namespace Pacer.Reports.Html.Charts;

/// <summary>
/// The shared geometry of every chart: an SVG view box with room on the left for value labels and
/// below for the time or latency axis. The SVG scales to its container, so these are user units.
/// </summary>
public static class ChartFrame
{
    public const double Width = 600;
    public const double Height = 220;
    public const double Left = 52;
    public const double Right = 14;
    public const double Top = 12;
    public const double Bottom = 28;

    public static double PlotWidth => Width - Left - Right;

    public static double PlotHeight => Height - Top - Bottom;

    public static double X(double fraction) => Left + (fraction * PlotWidth);

    /// <summary>Fraction 0 is the bottom of the plot, 1 the top.</summary>
    public static double Y(double fraction) => Top + ((1 - fraction) * PlotHeight);

    public static string OpenSvg(string label, string extraAttributes = "") =>
        $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{HtmlText.Escape(label)}\" " +
        $"data-plot-left=\"{Left}\" data-plot-right=\"{Width - Right}\" data-view-width=\"{Width}\"{extraAttributes}>";
}
