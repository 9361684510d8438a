using System.CommandLine;
using Pacer.Load.Results;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer merge a.json b.json [more] [--out merged.json] [--report FORMAT=PATH]</c>: one result
/// from several load result files (distributed or repeated runs), with percentiles recomputed from
/// the merged histograms and thresholds re-evaluated; prints the merged summary. Exit 0 when the
/// merge is written and every threshold holds over the merged data, 1 when one is breached (the
/// merge is still written, as <c>pacer load</c> still writes its result), 2 when a file is
/// missing, unreadable or cannot be merged (the message names it).
/// </summary>
public static class MergeCommand
{
    public static Command Create(PacerContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Load result files (pacer load --out) to merge", Arity = new ArgumentArity(2, 1000) };
        var output = new Option<string?>("--out", "-o") { Description = "Write the merged result file here" };
        var reports = new Option<string[]>("--report")
        {
            Description = $"Also write a report of the merged run: FORMAT=PATH with FORMAT {LoadReportTarget.FormatNames} (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output even on a terminal (NO_COLOR is honoured too)" };
        var command = new Command("merge", "Merge load result files exactly (histograms bucket by bucket) and print the merged summary") { files, output, reports, noColor };
        command.SetAction(parsed => Execute(
            context,
            parsed.GetValue(files) ?? [],
            parsed.GetValue(output),
            parsed.GetValue(reports) ?? [],
            parsed.GetValue(noColor)));
        return command;
    }

    private static int Execute(PacerContext context, string[] files, string? output, string[] reportTexts, bool noColor)
    {
        var targets = new List<LoadReportTarget>();
        foreach (var text in reportTexts)
        {
            if (LoadReportTarget.TryParse(text, out var error) is not { } target)
            {
                context.Error.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }

            targets.Add(target);
        }

        var results = new List<LoadResult>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, context.CurrentDirectory);
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"error: {file}: no such result file");
                return ExitCodes.BadInput;
            }

            try
            {
                results.Add(LoadResultJson.ReadFile(path));
            }
            catch (InvalidDataException exception)
            {
                // LoadResultJson names the full path; people typed the short one.
                context.Error.WriteLine($"error: {exception.Message.Replace(path, file, StringComparison.Ordinal)}");
                return ExitCodes.BadInput;
            }
            catch (IOException exception)
            {
                context.Error.WriteLine($"error: {file}: cannot read ({exception.Message})");
                return ExitCodes.BadInput;
            }
        }

        LoadResult merged;
        try
        {
            merged = LoadResultMerger.Merge(results, files);
        }
        catch (InvalidDataException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.BadInput;
        }

        var style = new ConsoleStyle(!noColor && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        context.Out.WriteLine($"merged {files.Length} result files: {string.Join(", ", files)}");
        new LoadConsoleReporter(context.Out, style, interactive: false).RenderSummary(merged);
        if (output is not null)
        {
            var path = Path.GetFullPath(output, context.CurrentDirectory);
            LoadResultJson.WriteFile(merged, path);
            context.Out.WriteLine($"merged result: {output}");
        }

        foreach (var target in targets)
        {
            target.Write(merged, context.CurrentDirectory);
            context.Out.WriteLine($"{target.Writer.Format} report: {target.Path}");
        }

        return merged.Passed ? ExitCodes.Passed : ExitCodes.TestFailed;
    }
}
