using System.Globalization;

namespace Pacer.Load.Syntax;

/// <summary>Durations as users write them: a decimal number and a unit (<c>800us</c>, <c>150ms</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>).</summary>
public static class DurationSyntax
{
    public const string Units = "us, ms, s, m or h";

    /// <summary>Parses a whole duration token into nanoseconds; on failure explains why in <paramref name="error"/>.</summary>
    public static bool TryParseNanoseconds(string text, out double nanoseconds, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        var numberLength = 0;
        while (numberLength < text.Length && (char.IsAsciiDigit(text[numberLength]) || text[numberLength] == '.'))
        {
            numberLength++;
        }

        if (numberLength == 0 || !double.TryParse(text.AsSpan(0, numberLength), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            error = $"expected a duration like 150ms, found '{text}'";
            return false;
        }

        var unit = text[numberLength..];
        double? scale = unit switch
        {
            "us" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => null,
        };
        if (scale is null)
        {
            error = unit.Length == 0
                ? $"'{text}' needs a unit ({Units})"
                : $"unknown duration unit '{unit}' (use {Units})";
            return false;
        }

        nanoseconds = number * scale.Value;
        error = null;
        return true;
    }

    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        if (TryParseNanoseconds(text, out var nanoseconds, out error))
        {
            duration = TimeSpan.FromTicks((long)Math.Round(nanoseconds / 100));
            return true;
        }

        duration = TimeSpan.Zero;
        return false;
    }

    /// <summary>Formats nanoseconds the way people read latency: 850µs, 12.3ms, 1.25s.</summary>
    public static string Format(double nanoseconds) => nanoseconds switch
    {
        < 1e6 => (nanoseconds / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "µs",
        < 1e9 => (nanoseconds / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "ms",
        _ => (nanoseconds / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + "s",
    };
}
