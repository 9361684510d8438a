using Pacer.Core.Flow;

namespace Pacer.Core.Plan;

/// <summary>
/// A pause after a step: fixed (<c>1s</c>) or uniformly random in a range (<c>500ms..2s</c> or <c>500ms-2s</c>), in the
/// one duration grammar. It is waited through the run's clock and is never part of a request's latency.
/// </summary>
public sealed record ThinkTime(TimeSpan Min, TimeSpan Max)
{
    public const string Examples = "1s, or a range such as 500ms..2s";

    public static bool TryParse(string? text, out ThinkTime think, out string? error)
    {
        think = new ThinkTime(TimeSpan.Zero, TimeSpan.Zero);
        // `500ms..2s`, or `500ms-2s` as older files write it (a duration is never negative, so '-' can only separate).
        var written = (text ?? "").Trim();
        var parts = written.Contains("..", StringComparison.Ordinal)
            ? written.Split("..", StringSplitOptions.TrimEntries)
            : written.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || parts[0].Length == 0)
        {
            error = $"think time expects {Examples}, got '{text}'";
            return false;
        }

        if (!DurationSyntax.TryParse(parts[0], out var min, out error))
        {
            error = $"think time: {error}";
            return false;
        }

        var max = min;
        if (parts.Length == 2 && !DurationSyntax.TryParse(parts[1], out max, out error))
        {
            error = $"think time: {error}";
            return false;
        }

        if (max < min)
        {
            error = $"think time '{text}': the upper bound is below the lower one";
            return false;
        }

        think = new ThinkTime(min, max);
        return true;
    }

    /// <summary>A pause drawn uniformly from the range.</summary>
    public TimeSpan Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Min == Max ? Min : Min + TimeSpan.FromTicks((long)(random.NextDouble() * (Max - Min).Ticks));
    }

    public override string ToString() => Min == Max
        ? DurationSyntax.Format(Min)
        : $"{DurationSyntax.Format(Min)}..{DurationSyntax.Format(Max)}";
}
