namespace Pacer.Reports.Html.Charts;

/// <summary>
/// A value axis from zero to a "nice" maximum (1, 2, 2.5 or 5 times a power of ten) with evenly
/// spaced ticks, so gridlines land on numbers people read without effort.
/// </summary>
public sealed record AxisScale(double Max, IReadOnlyList<double> Ticks)
{
    public static AxisScale ZeroTo(double dataMax, int targetTicks = 4)
    {
        if (!(dataMax > 0) || double.IsInfinity(dataMax))
        {
            return new AxisScale(1, [0, 0.5, 1]);
        }

        var rough = dataMax / targetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= rough);
        var max = Math.Ceiling(dataMax / step) * step;
        var ticks = new List<double>();
        for (var tick = 0.0; tick <= max + (step / 2); tick += step)
        {
            ticks.Add(Math.Round(tick, 10));
        }

        return new AxisScale(max, ticks);
    }

    /// <summary>Where <paramref name="value"/> falls between 0 (axis start) and 1 (axis end).</summary>
    public double Fraction(double value) => Max <= 0 ? 0 : Math.Clamp(value / Max, 0, 1);
}
