using System.Globalization;

namespace Pacer.Cli.Input;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, or a plain number of milliseconds.</summary>
public static class DurationArgument
{
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
