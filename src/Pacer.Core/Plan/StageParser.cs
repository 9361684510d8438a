using System.Globalization;
using Pacer.Core.Flow;

namespace Pacer.Core.Plan;

/// <summary>
/// Parses stage lists: <c>30s:0->500, 2m:500, 30s:500->0</c> for VUs and
/// <c>1m:100/s->5000/s, 3m:5000/s</c> for arrival rates. <c>duration:N</c> moves from the previous
/// stage's level to N (a hold when equal), as in k6; a bare first stage holds N.
/// </summary>
public static class StageParser
{
    public static IReadOnlyList<Stage> ParseVuStages(string text) => Parse(text, rate: false);

    public static IReadOnlyList<Stage> ParseRateStages(string text) => Parse(text, rate: true);

    private static List<Stage> Parse(string text, bool rate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<Stage>();
        double? previous = null;
        var position = 0;
        foreach (var part in text.Split(','))
        {
            var column = position + (part.Length - part.TrimStart().Length);
            position += part.Length + 1;
            var item = part.Trim();
            if (item.Length == 0)
            {
                throw new DirectiveSyntaxException("stages", text, column + 1, "empty stage; expected something like 30s:0->100");
            }

            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new DirectiveSyntaxException("stages", text, column + 1, $"expected duration:level in '{item}'");
            }

            if (!DurationSyntax.TryParse(item[..colon].Trim(), out var duration, out var error))
            {
                throw new DirectiveSyntaxException("stages", text, column + 1, error!);
            }

            var levels = item[(colon + 1)..];
            var arrow = levels.IndexOf("->", StringComparison.Ordinal);
            var levelColumn = column + colon + 2;
            double from, to;
            if (arrow < 0)
            {
                to = ParseLevel(text, levelColumn, levels, rate);
                from = previous ?? to;
            }
            else
            {
                from = ParseLevel(text, levelColumn, levels[..arrow], rate);
                to = ParseLevel(text, levelColumn + arrow + 2, levels[(arrow + 2)..], rate);
            }

            stages.Add(new Stage(duration, from, to));
            previous = to;
        }

        return stages;
    }

    private static double ParseLevel(string text, int column, string level, bool rate)
    {
        var trimmed = level.Trim();
        var scale = 1.0;
        if (rate)
        {
            if (trimmed.EndsWith("/s", StringComparison.Ordinal))
            {
                trimmed = trimmed[..^2];
            }
            else if (trimmed.EndsWith("/m", StringComparison.Ordinal))
            {
                trimmed = trimmed[..^2];
                scale = 1 / 60.0;
            }
            else
            {
                throw new DirectiveSyntaxException("stages", text, column, $"a rate needs a unit, as in {trimmed}/s");
            }
        }

        var styles = rate ? NumberStyles.AllowDecimalPoint : NumberStyles.None;
        if (!double.TryParse(trimmed, styles, CultureInfo.InvariantCulture, out var value))
        {
            throw new DirectiveSyntaxException("stages", text, column, rate ? $"expected a rate like 100/s, found '{level.Trim()}'" : $"expected a whole number of VUs, found '{level.Trim()}'");
        }

        var parsed = value * scale;
        var highest = rate ? RateSyntax.Highest : int.MaxValue;
        return parsed <= highest
            ? parsed
            : throw new DirectiveSyntaxException("stages", text, column, rate ? $"more than the highest rate allowed ({highest:0}/s)" : $"more VUs than can be counted ({parsed:0})");
    }
}
