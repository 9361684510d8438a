using System.Globalization;

namespace Pacer.Core.Plan;

/// <summary>Arrival rates: <c>2000/s</c>, <c>120/m</c>, or a bare number of iterations per second.</summary>
public static class RateSyntax
{
    public const string Examples = "2000/s or 120/m";

    /// <summary>The most iterations per second any setting takes (one every microsecond).</summary>
    public const double Highest = 1_000_000;

    public static bool TryParse(string? text, out double perSecond, out string? error)
    {
        perSecond = 0;
        var trimmed = (text ?? "").Trim();
        var perMinute = trimmed.EndsWith("/m", StringComparison.Ordinal);
        var number = trimmed.EndsWith("/s", StringComparison.Ordinal) || perMinute ? trimmed[..^2].TrimEnd() : trimmed;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
        {
            error = $"expected iterations per second such as {Examples}, got '{trimmed}'";
            return false;
        }

        perSecond = perMinute ? rate / 60 : rate;
        if (perSecond > Highest)
        {
            error = $"'{trimmed}' is more than the highest rate allowed ({Highest:0}/s)";
            return false;
        }

        error = null;
        return true;
    }
}
