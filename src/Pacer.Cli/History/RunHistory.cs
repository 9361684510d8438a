using System.CommandLine;
using System.Globalization;
using Pacer.Core.Execution;
using Pacer.Load.Results;
using Pacer.Reports;

namespace Pacer.Cli.History;

/// <summary>
/// Records every <c>pacer run</c> and <c>pacer load</c> in <c>.pacer/history.db</c> under the working
/// directory, with the path of its full result file (written to <c>.pacer/results/</c> when the
/// user asked for none). Recording never fails a run: a problem with the history is one warning
/// line on stderr, and the result file is written before the database is touched so nothing is lost.
/// </summary>
public static class RunHistory
{
    public const string FolderName = ".pacer";

    public const string DatabaseName = "history.db";

    public const string ResultsFolderName = "results";

    public static string DatabasePath(string workingDirectory) =>
        Path.Combine(workingDirectory, FolderName, DatabaseName);

    /// <summary>The <c>--no-history</c> switch; each command that records adds its own instance.</summary>
    public static Option<bool> CreateNoHistoryOption() =>
        new("--no-history") { Description = "Do not record this run in .pacer/history.db" };

    /// <summary>Records a functional run; returns the entry, or null (after a warning on <paramref name="warnings"/>) when it could not.</summary>
    /// <param name="resultPath">The JSON report the user asked for, if any; otherwise one is written under .pacer/results/.</param>
    public static HistoryEntry? RecordRun(string workingDirectory, RunResult result, string? environment, string? resultPath, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Record(workingDirectory, warnings, () =>
        {
            var path = resultPath ?? WriteResultFile(workingDirectory, "run", result.StartedAt, stream => new JsonReportWriter().Write(result, stream));
            var stepDurations = result.Steps.Where(s => s.Status != StepStatus.Skipped).Select(s => s.Duration.TotalMilliseconds).Order().ToList();
            var sent = result.Steps.Count(s => s.Request is not null);
            var failed = result.Steps.Count(s => s.Status == StepStatus.Failed);
            return new HistoryEntry
            {
                Kind = HistoryKinds.Run,
                Flows = [.. result.Flows.Select(f => Relative(workingDirectory, f.Path))],
                Environment = environment,
                StartedAt = result.StartedAt,
                Duration = result.Duration,
                Passed = result.Passed,
                Requests = sent,
                Failures = failed,
                Rps = result.Duration > TimeSpan.Zero ? sent / result.Duration.TotalSeconds : 0,
                ErrorRate = stepDurations.Count == 0 ? 0 : (double)failed / stepDurations.Count,
                P50Ms = NearestRank(stepDurations, 50),
                P95Ms = NearestRank(stepDurations, 95),
                P99Ms = NearestRank(stepDurations, 99),
                ResultPath = Relative(workingDirectory, path),
            };
        });
    }

    /// <summary>Records a load run; returns the entry, or null (after a warning on <paramref name="warnings"/>) when it could not.</summary>
    /// <param name="resultPath">The result file the run wrote (<c>--out</c>), if any; otherwise one is written under .pacer/results/.</param>
    public static HistoryEntry? RecordLoad(string workingDirectory, LoadResult result, string? resultPath, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Record(workingDirectory, warnings, () =>
        {
            var path = resultPath ?? WriteResultFile(workingDirectory, "load", result.StartedAt, stream => LoadResultJson.Write(result, stream));
            return new HistoryEntry
            {
                Kind = HistoryKinds.Load,
                Flows = [.. result.Flows],
                Environment = result.Environment,
                StartedAt = result.StartedAt,
                Duration = TimeSpan.FromSeconds(result.DurationSeconds),
                Passed = result.Passed,
                Requests = result.Summary.Requests,
                Failures = result.Summary.Failures,
                Rps = result.Summary.Rps,
                ErrorRate = result.Summary.ErrorRate,
                P50Ms = result.Summary.LatencyMs.P50,
                P95Ms = result.Summary.LatencyMs.P95,
                P99Ms = result.Summary.LatencyMs.P99,
                ResultPath = Relative(workingDirectory, path),
            };
        });
    }

    /// <summary>The full path of an entry's result file (stored relative to the working directory when inside it).</summary>
    public static string? ResultFile(string workingDirectory, HistoryEntry entry) =>
        entry?.ResultPath is { } path ? Path.GetFullPath(path, workingDirectory) : null;

    private static HistoryEntry? Record(string workingDirectory, TextWriter warnings, Func<HistoryEntry> build)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        ArgumentNullException.ThrowIfNull(warnings);
        try
        {
            var entry = build();
            using var store = HistoryStore.Open(DatabasePath(workingDirectory));
            return store.Add(entry);
        }
        catch (HistoryException exception)
        {
            warnings.WriteLine($"warning: run not recorded in history: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.WriteLine($"warning: run not recorded in history: {exception.Message}");
        }

        return null;
    }

    private static string WriteResultFile(string workingDirectory, string kind, DateTimeOffset startedAt, Action<Stream> write)
    {
        var folder = Path.Combine(workingDirectory, FolderName, ResultsFolderName);
        Directory.CreateDirectory(folder);
        var stamp = startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

        // Two runs started in the same second get different names instead of overwriting each other.
        var path = Path.Combine(folder, $"{kind}-{stamp}.json");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{kind}-{stamp}-{n}.json");
        }

        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            write(stream);
        }

        File.Move(temporary, path);
        return path;
    }

    private static string Relative(string workingDirectory, string path)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        var relative = Path.GetRelativePath(workingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static double NearestRank(List<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
