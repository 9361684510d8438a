using Pacer.Load.Syntax;

namespace Pacer.Load.Runtime;

/// <summary>
/// A pause between steps: fixed (<c>1s</c>) or uniformly random in a range (<c>500ms..2s</c>).
/// It is waited through the run's TimeProvider and is never part of a request's latency.
/// </summary>
public sealed record ThinkTime(TimeSpan Min, TimeSpan Max)
{
    public static ThinkTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length > 2)
        {
            throw new LoadSettingsException($"think time expects 1s or 500ms..2s, got '{text}'");
        }

        var min = ParseOne(parts[0], text);
        var max = parts.Length == 2 ? ParseOne(parts[1], text) : min;
        return max < min
            ? throw new LoadSettingsException($"think time '{text}': the upper bound is below the lower one")
            : new ThinkTime(min, max);
    }

    /// <summary>A pause drawn uniformly from the range.</summary>
    public TimeSpan Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Min == Max ? Min : Min + TimeSpan.FromTicks((long)(random.NextDouble() * (Max - Min).Ticks));
    }

    public override string ToString() => Min == Max
        ? DurationSyntax.Format(Min.Ticks * 100.0)
        : $"{DurationSyntax.Format(Min.Ticks * 100.0)}..{DurationSyntax.Format(Max.Ticks * 100.0)}";

    private static TimeSpan ParseOne(string part, string text)
    {
        if (part == "0")
        {
            return TimeSpan.Zero;
        }

        return DurationSyntax.TryParse(part, out var value, out var error)
            ? value
            : throw new LoadSettingsException($"think time '{text}': {error}");
    }
}
