using System.Globalization;

namespace Pacer.Core.Flow;

/// <summary>
/// The one duration grammar, for flow text and command-line options alike: a decimal number, an
/// optional space, and a unit — <c>us</c> (or <c>µs</c>), <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>.
/// A bare number is milliseconds everywhere (kest's <c>duration &lt; 500</c> and <c>@timeout 500</c>
/// mean 500 ms, so <c>--timeout 500</c> and <c>--duration 500</c> do too). Negative values and values
/// past <see cref="Longest"/> are refused; whether zero is allowed is the caller's rule.
/// </summary>
public static class DurationSyntax
{
    public const string Examples = "500ms, 2s, 1m or 1h (a bare number is milliseconds)";

    /// <summary>The longest duration any setting takes: long enough for a month-long soak, short enough to never overflow a timer.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    private static readonly (string Unit, double Nanoseconds)[] Units =
    [
        // Longest first, so "ms" is not read as "m" followed by "s".
        ("ms", 1e6), ("us", 1e3), ("µs", 1e3), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ];

    /// <summary>Parses <paramref name="text"/> into nanoseconds; on failure <paramref name="error"/> says why, in words a user can act on.</summary>
    public static bool TryParseNanoseconds(string? text, out double nanoseconds, out string? error)
    {
        nanoseconds = 0;
        var trimmed = (text ?? "").Trim();
        var numberLength = 0;
        while (numberLength < trimmed.Length && (char.IsAsciiDigit(trimmed[numberLength]) || trimmed[numberLength] is '.' or '-' or '+'))
        {
            numberLength++;
        }

        var numberText = trimmed[..numberLength];
        if (numberLength == 0 || !double.TryParse(numberText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            error = $"expected a duration such as {Examples}, got '{trimmed}'";
            return false;
        }

        if (number < 0 || numberText.StartsWith('-'))
        {
            error = $"a duration cannot be negative, got '{trimmed}'";
            return false;
        }

        var unit = trimmed[numberLength..].TrimStart();
        var scale = unit.Length == 0 ? 1e6 : Scale(unit);
        if (scale is null)
        {
            error = $"unknown duration unit '{unit}' in '{trimmed}' (use us, ms, s, m or h)";
            return false;
        }

        nanoseconds = number * scale.Value;
        if (!double.IsFinite(nanoseconds) || nanoseconds > Longest.Ticks * 100.0)
        {
            error = $"'{trimmed}' is longer than the longest duration allowed ({Format(Longest)})";
            nanoseconds = 0;
            return false;
        }

        error = null;
        return true;
    }

    public static bool TryParse(string? text, out TimeSpan duration, out string? error)
    {
        if (TryParseNanoseconds(text, out var nanoseconds, out error))
        {
            duration = TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100));
            return true;
        }

        duration = TimeSpan.Zero;
        return false;
    }

    /// <summary>
    /// A duration setting named <paramref name="name"/> (<c>--timeout</c>, <c>@think</c>): parsed, and
    /// refused when it is zero unless <paramref name="allowZero"/>. The error names the setting.
    /// </summary>
    public static bool TryParseSetting(string name, string? text, bool allowZero, out TimeSpan duration, out string? error)
    {
        if (!TryParse(text, out duration, out var reason))
        {
            error = $"{name}: {reason}";
            return false;
        }

        if (duration == TimeSpan.Zero && !allowZero)
        {
            error = $"{name} must be more than zero, got '{text?.Trim()}'";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Formats nanoseconds the way people read latency: 850µs, 12.3ms, 1.25s, 2m, 1.5h.</summary>
    public static string Format(double nanoseconds) => nanoseconds switch
    {
        < 1e6 => (nanoseconds / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "µs",
        < 1e9 => (nanoseconds / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "ms",
        < 60e9 => (nanoseconds / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + "s",
        < 3600e9 => (nanoseconds / 60e9).ToString("0.##", CultureInfo.InvariantCulture) + "m",
        _ => (nanoseconds / 3600e9).ToString("0.##", CultureInfo.InvariantCulture) + "h",
    };

    public static string Format(TimeSpan duration) => Format(duration.Ticks * 100.0);

    private static double? Scale(string unit)
    {
        foreach (var (name, nanoseconds) in Units)
        {
            if (unit.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return nanoseconds;
            }
        }

        return null;
    }
}
