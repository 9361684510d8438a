using Pacer.Core.Plan;

namespace Pacer.Load.Executors;

/// <summary>
/// Every executor, by k6 name, with the settings that choose it when no <c>executor=</c> is given and
/// how its configuration is read. Adding an executor is its own file plus one line here. The first
/// entry whose choosing setting is present wins; with none present, a run is one iteration on one VU
/// (a smoke run, as k6 does).
/// </summary>
public static class ExecutorRegistry
{
    // In order of precedence when no executor= is given.
    private static readonly ExecutorType[] Entries =
    [
        RampingArrivalRateConfig.Registration,
        ConstantArrivalRateConfig.Registration,
        RampingVusConfig.Registration,
        SharedIterationsConfig.Registration,
        ConstantVusConfig.Registration,
    ];

    /// <summary>The settings that each choose an executor on their own; at most one kind may be given.</summary>
    private static readonly string[] Shapes = ["rate-stages", "rate", "stages", "iterations"];

    public static IReadOnlyList<string> Names => [.. Entries.Select(e => e.Name)];

    /// <summary>
    /// The configuration <paramref name="settings"/> describe for flow <paramref name="flowIndex"/> of
    /// <paramref name="flowCount"/> (command-line numbers are split between flows), or every problem found.
    /// </summary>
    public static (ExecutorConfig? Config, IReadOnlyList<LoadSettingsError> Errors) Resolve(LoadSettings settings, int flowIndex = 0, int flowCount = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var shapes = Shapes.Where(settings.Has).ToList();
        ExecutorType? entry;
        if (settings.Get("executor") is { } named)
        {
            entry = Entries.FirstOrDefault(e => e.Name == named.Value);
            if (entry is null)
            {
                var near = Core.Flow.Suggestions.Closest(named.Value, Names);
                return (null, [new LoadSettingsError(
                    $"{named.Origin.Describe("executor")}: unknown executor '{named.Value}' (known: {string.Join(", ", Names)}){(near is null ? "" : $"; did you mean '{near}'?")}",
                    named.Origin.Span)]);
            }
        }
        else if (shapes.Count > 1)
        {
            var second = settings.Get(shapes[1])!;
            return (null, [new LoadSettingsError(
                $"choose one way to drive the load, not {string.Join(" and ", shapes.Select(s => settings.Get(s)!.Origin.Describe(s)))}",
                second.Origin.Span)]);
        }
        else
        {
            entry = Entries.FirstOrDefault(e => e.ChosenBy.Any(settings.Has));
        }

        if (entry is null)
        {
            var smoke = new ExecutorSettings(settings, "a run without load settings", flowIndex, flowCount);
            smoke.ReportUnused([]);
            return smoke.Errors.Count > 0 ? (null, smoke.Errors) : (SharedIterationsConfig.Smoke with { Think = smoke.Think(), GracefulStop = smoke.GracefulStop() }, []);
        }

        var reader = new ExecutorSettings(settings, entry.Name, flowIndex, flowCount);
        var config = entry.Read(reader);
        reader.ReportUnused(entry.Accepts);
        return reader.Errors.Count > 0
            ? (null, reader.Errors)
            : (config with { Settings = reader.Described(), Think = reader.Think(), GracefulStop = reader.GracefulStop() }, []);
    }
}

/// <summary>
/// How an executor is registered: its k6 name, the settings that choose it when no <c>executor=</c> is
/// given, the settings it takes (others are errors), and how its configuration is read.
/// </summary>
public sealed record ExecutorType(string Name, string[] ChosenBy, string[] Accepts, Func<ExecutorSettings, ExecutorConfig> Read);
