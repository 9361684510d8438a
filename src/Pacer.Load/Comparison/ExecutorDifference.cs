using Pacer.Load.Results;

namespace Pacer.Load.Comparison;

/// <summary>
/// Says when the runs compared were driven differently: a 20-VU run against a 500/s run measures
/// different things (a closed model slows its own arrivals when the server slows down; an open
/// model does not), so their latency and requests/s are not like for like, whatever the verdict.
/// </summary>
public static class ExecutorDifference
{
    /// <summary>One sentence per difference (executor type first, then settings); empty when every run was driven alike.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<LoadResult> baselines, LoadResult current)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(current);
        var notes = new List<string>();
        var now = current.Executor;
        var otherTypes = baselines.Select(b => b.Executor).Where(e => e.Type != now.Type).ToList();
        if (otherTypes.Count > 0)
        {
            var was = string.Join(" and ", otherTypes.Select(Describe).Distinct(StringComparer.Ordinal));
            notes.Add($"the runs used different executors: baseline {was}, current {Describe(now)}."
                + (otherTypes.Any(e => IsOpenModel(e.Type) != IsOpenModel(now.Type))
                    ? " A closed model (VUs) slows its own arrivals when the server slows down and an open model (a rate) does not, so latency and requests/s are not like for like."
                    : " Latency and requests/s were measured under different load."));
            return notes;
        }

        var otherSettings = baselines.Select(b => b.Executor)
            .Where(e => !SameSettings(e.Settings, now.Settings))
            .Select(Settings)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (otherSettings.Count > 0)
        {
            notes.Add($"the runs used different {now.Type} settings: baseline {string.Join(" and ", otherSettings)}, current {Settings(now)}; latency and requests/s were measured under different load.");
        }

        return notes;
    }

    private static bool IsOpenModel(string type) => type.Contains("arrival-rate", StringComparison.Ordinal);

    private static string Describe(LoadExecutorInfo executor) =>
        executor.Settings.Count == 0 ? Type(executor) : $"{Type(executor)} ({Settings(executor)})";

    private static string Type(LoadExecutorInfo executor) => executor.Type.Length == 0 ? "unknown" : executor.Type;

    // Only what shapes the load: how many files a merge read does not.
    private static string Settings(LoadExecutorInfo executor) =>
        string.Join(", ", Relevant(executor.Settings).Select(pair => $"{pair.Key}={pair.Value}"));

    private static bool SameSettings(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        Relevant(a).SequenceEqual(Relevant(b));

    private static IEnumerable<KeyValuePair<string, string>> Relevant(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(pair => pair.Key is not ("merged_files" or "warmup")).OrderBy(pair => pair.Key, StringComparer.Ordinal);
}
