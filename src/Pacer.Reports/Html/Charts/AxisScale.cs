namespace Pacer.Reports.Html.Charts;

/// <summary>
/// A value axis with ticks on "nice" values people read without effort. Linear axes run from zero
/// to 1, 2, 2.5 or 5 times a power of ten; logarithmic ones (latency over time) run between values
/// of the 1-2-5 series around the data, so one start-up spike of 800 ms and a steady state of
/// 0.3 ms are both readable instead of the steady state lying flat on zero.
/// </summary>
public sealed record AxisScale(double Max, IReadOnlyList<double> Ticks)
{
    private static readonly double[] NiceSteps = [1, 2, 5];
    private static readonly double[] NiceStepsUp = [1, 2, 5, 10];

    /// <summary>The bottom of the axis: 0 for linear axes.</summary>
    public double Min { get; init; }

    public bool Logarithmic { get; init; }

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

    /// <summary>
    /// A logarithmic axis over the positive values <paramref name="dataMin"/>…<paramref name="dataMax"/>:
    /// from the 1-2-5 value at or below the smallest to the one at or above the largest, ticked at
    /// every 1-2-5 value when that makes few enough labels, else at powers of ten.
    /// </summary>
    public static AxisScale Log(double dataMin, double dataMax, int maxTicks = 7)
    {
        if (!(dataMin > 0) || !(dataMax > 0) || double.IsInfinity(dataMax))
        {
            return new AxisScale(1, [0.1, 1]) { Min = 0.1, Logarithmic = true };
        }

        var min = NiceBelow(Math.Min(dataMin, dataMax));
        var max = NiceAbove(dataMax);
        if (max <= min)
        {
            max = NiceAbove(min * 1.01);
        }

        var nice = NiceValues(min, max);
        var decades = NiceValues(min, max).Where(v => IsPowerOfTen(v)).ToList();
        var ticks = nice.Count <= maxTicks || decades.Count < 2 ? nice : decades;
        return new AxisScale(max, ticks) { Min = min, Logarithmic = true };
    }

    /// <summary>Where <paramref name="value"/> falls between 0 (axis start) and 1 (axis end); values a log axis cannot show (0 or less) sit at its bottom.</summary>
    public double Fraction(double value)
    {
        if (Logarithmic)
        {
            return value <= 0 || Max <= Min ? 0 : Math.Clamp(Math.Log(value / Min) / Math.Log(Max / Min), 0, 1);
        }

        return Max <= 0 ? 0 : Math.Clamp(value / Max, 0, 1);
    }

    private static double NiceBelow(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Select(f => f * magnitude).Where(v => v <= value * (1 + 1e-9)).DefaultIfEmpty(magnitude).Max();
    }

    private static double NiceAbove(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceStepsUp.Select(f => f * magnitude).First(v => v >= value * (1 - 1e-9));
    }

    private static List<double> NiceValues(double min, double max)
    {
        var values = new List<double>();
        for (var magnitude = Math.Pow(10, Math.Floor(Math.Log10(min))); magnitude <= max * 1.000001; magnitude *= 10)
        {
            foreach (var factor in NiceSteps)
            {
                var value = Math.Round(factor * magnitude, 12);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9))
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    private static bool IsPowerOfTen(double value)
    {
        var exponent = Math.Log10(value);
        return Math.Abs(exponent - Math.Round(exponent)) < 1e-9;
    }
}
