using System.Globalization;

namespace Pacer.Cli.Input;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, or a plain number of milliseconds.</summary>
public static class DurationArgument
{
    /// <summary>
    /// A duration option with a default: absent gives <paramref name="absent"/>; text that is not
    /// a duration gives false and the message the command prints.
    /// </summary>
    public static bool TryParseOption(string? text, string option, TimeSpan absent, out TimeSpan value, out string? error)
    {
        var parsed = TryParseOption(text, option, out var given, out error);
        value = given ?? absent;
        return parsed;
    }

    /// <summary>A duration option without a default: absent gives null.</summary>
    public static bool TryParseOption(string? text, string option, out TimeSpan? value, out string? error)
    {
        error = null;
        value = text is null ? null : Parse(text);
        if (text is not null && value is null)
        {
            error = $"{option} expects a duration such as 500ms, 30s or 2m, got '{text}'";
            return false;
        }

        return true;
    }

    public static TimeSpan? Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        (string number, double scale) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 1.0),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1000.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60000.0),
            _ => (trimmed, 1.0),
        };

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromMilliseconds(value * scale)
            : null;
    }
}
