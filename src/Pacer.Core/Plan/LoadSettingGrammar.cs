using System.Globalization;
using Pacer.Core.Flow;

namespace Pacer.Core.Plan;

/// <summary>
/// What each load setting's value may look like, for <c>@load</c> lines and command-line options
/// alike: counts are whole numbers, durations follow <see cref="DurationSyntax"/>, rates
/// <see cref="RateSyntax"/>, stages <see cref="StageParser"/>, think time <see cref="ThinkTime"/>.
/// Ranges that depend on the executor or the machine (a VU count past what memory holds) are checked
/// later, by the executor and the run.
/// </summary>
public static class LoadSettingGrammar
{
    public static readonly IReadOnlyList<string> Names =
        ["executor", "vus", "duration", "rate", "max-vus", "pre-vus", "stages", "rate-stages", "iterations", "think", "graceful-stop"];

    /// <summary>The most iterations a run can be told to make.</summary>
    public const long MostIterations = 1_000_000_000_000;

    /// <summary>Null when <paramref name="value"/> fits <paramref name="name"/>'s grammar, else the 1-based column and the reason.</summary>
    public static (int Column, string Reason)? Check(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        string? error;
        switch (name)
        {
            case "executor":
                return value.Length > 0 && value.All(c => char.IsAsciiLetterLower(c) || c == '-')
                    ? null
                    : (1, $"expected an executor name such as constant-vus, got '{value}'");
            case "vus" or "max-vus" or "pre-vus":
                return Count(value, int.MaxValue);
            case "iterations":
                return Count(value, MostIterations);
            case "duration" or "graceful-stop":
                return DurationSyntax.TryParse(value, out _, out error) ? null : (1, error!);
            case "rate":
                return RateSyntax.TryParse(value, out _, out error) ? null : (1, error!);
            case "think":
                return ThinkTime.TryParse(value, out _, out error) ? null : (1, error!);
            case "stages" or "rate-stages":
                try
                {
                    _ = name == "stages" ? StageParser.ParseVuStages(value) : StageParser.ParseRateStages(value);
                    return null;
                }
                catch (DirectiveSyntaxException exception)
                {
                    return (exception.Column, exception.Reason);
                }

            default:
                var near = Suggestions.Closest(name, Names);
                return (1, $"unknown load setting '{name}' (known: {string.Join(", ", Names)}){(near is null ? "" : $"; did you mean '{near}'?")}");
        }
    }

    private static (int Column, string Reason)? Count(string value, long most)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (1, value.StartsWith('-') ? $"a count cannot be negative, got '{value}'" : $"expected a whole number, got '{value}'");
        }

        return count <= most ? null : (1, $"{value} is more than the most allowed ({most.ToString("N0", CultureInfo.InvariantCulture)})");
    }
}
