using System.Globalization;

namespace Pacer.Load.Comparison;

/// <summary>The <c>--tolerance</c> value: a percentage, <c>10%</c> or plain <c>10</c>, read as the fraction 0.10.</summary>
public static class ToleranceSyntax
{
    public static bool TryParse(string text, out double tolerance, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = text.Trim();
        if (number.EndsWith('%'))
        {
            number = number[..^1].TrimEnd();
        }

        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 1000)
        {
            tolerance = percent / 100;
            error = null;
            return true;
        }

        tolerance = 0;
        error = $"--tolerance expects a percentage such as 10% (0 to 1000), got '{text}'";
        return false;
    }
}
