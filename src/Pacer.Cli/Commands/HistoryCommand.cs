using System.CommandLine;
using System.Globalization;
using Pacer.Cli.History;

namespace Pacer.Cli.Commands;

/// <summary><c>pacer history [--flow X] [-n 20]</c>: the recorded runs, newest first, one line each.</summary>
public static class HistoryCommand
{
    public static Command Create(PacerContext context)
    {
        var flow = new Option<string?>("--flow", "-f") { Description = "Only runs whose flow paths contain this text" };
        var count = new Option<int>("-n", "--count") { Description = "How many runs to list (default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "List recorded runs from .pacer/history.db, newest first");
        command.Options.Add(flow);
        command.Options.Add(count);
        command.SetAction(parsed => Execute(context, parsed.GetValue(flow), parsed.GetValue(count)));
        return command;
    }

    private static int Execute(PacerContext context, string? flow, int count)
    {
        if (count < 1)
        {
            context.Error.WriteLine($"error: -n must be at least 1, got {count}");
            return ExitCodes.BadInput;
        }

        var database = RunHistory.DatabasePath(context.CurrentDirectory);
        if (!File.Exists(database))
        {
            context.Out.WriteLine("No runs recorded yet (pacer run and pacer load record into .pacer/history.db).");
            return ExitCodes.Passed;
        }

        IReadOnlyList<HistoryEntry> entries;
        try
        {
            using var store = HistoryStore.Open(database);
            entries = store.List(count, flow);
        }
        catch (HistoryException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.InternalError;
        }

        if (entries.Count == 0)
        {
            context.Out.WriteLine(flow is null ? "No runs recorded yet." : $"No recorded runs of flows matching '{flow}'.");
            return ExitCodes.Passed;
        }

        var rows = entries.Select(e => new[]
        {
            "#" + e.Id.ToString(CultureInfo.InvariantCulture),
            e.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            e.Kind,
            e.Passed ? "passed" : "FAILED",
            HistoryFormatting.Requests(e),
            HistoryFormatting.Milliseconds(e.P95Ms),
            HistoryFormatting.Percent(e.ErrorRate),
            e.Environment ?? "-",
            string.Join(", ", e.Flows),
        }).ToList();
        HistoryFormatting.WriteTable(context.Out, ["id", "started", "kind", "result", "requests", "p95", "errors", "env", "flows"], rows);
        return ExitCodes.Passed;
    }
}
