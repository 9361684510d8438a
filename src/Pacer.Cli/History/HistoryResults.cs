using Pacer.Load.Results;

namespace Pacer.Cli.History;

/// <summary>
/// Turns what the user typed for a result (<c>results/base.json</c>, <c>last</c>, <c>last~1</c>, <c>12</c>)
/// into a load result: an existing file wins, otherwise a history reference among load runs.
/// Failures are <see cref="InvalidDataException"/>s with a message for the user.
/// </summary>
public static class HistoryResults
{
    public static LoadResult ReadLoadResult(string workingDirectory, string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var file = Path.GetFullPath(argument, workingDirectory);
        if (File.Exists(file))
        {
            return LoadResultJson.ReadFile(file);
        }

        if (HistoryReference.TryParse(argument) is not { } reference)
        {
            throw new InvalidDataException($"{argument}: no such file (nor a history reference such as last, last~1 or a run number)");
        }

        var entry = FindEntry(workingDirectory, reference, HistoryKinds.Load)
            ?? throw new InvalidDataException($"{argument}: no such load run in {RunHistory.DatabasePath(workingDirectory)}");
        var path = RunHistory.ResultFile(workingDirectory, entry);
        if (path is null || !File.Exists(path))
        {
            throw new InvalidDataException($"{argument}: run #{entry.Id}'s result file {entry.ResultPath ?? "(none)"} no longer exists");
        }

        return LoadResultJson.ReadFile(path);
    }

    /// <summary>The entry a reference names, or null when there is no history or no such run; throws <see cref="HistoryException"/> when the database is unusable.</summary>
    public static HistoryEntry? FindEntry(string workingDirectory, HistoryReference reference, string? kind = null)
    {
        var database = RunHistory.DatabasePath(workingDirectory);
        if (!File.Exists(database))
        {
            return null;
        }

        using var store = HistoryStore.Open(database);
        return store.Find(reference, kind);
    }
}
