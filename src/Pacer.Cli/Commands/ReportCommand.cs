using System.CommandLine;
using System.Text.Json;
using Pacer.Load.Results;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer report results.json --html out.html [--markdown PATH] [--junit PATH] [--report FORMAT=PATH]</c>:
/// rebuilds reports from a load result file (<c>pacer load --out</c>) without running anything.
/// Exit 0 when the reports were written, 2 when the input is missing or not a load result file
/// (the message names the file) or no output was asked for.
/// </summary>
public static class ReportCommand
{
    public static Command Create(PacerContext context)
    {
        var input = new Argument<string>("results") { Description = "A load result file (pacer load --out results.json)" };
        var html = new Option<string?>("--html") { Description = "Write the HTML report (one self-contained page) to this path" };
        var markdown = new Option<string?>("--markdown") { Description = "Write the Markdown summary (for a CI job summary) to this path" };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML (a testcase per threshold) to this path" };
        var reports = new Option<string[]>("--report")
        {
            Description = $"Write a report: FORMAT=PATH with FORMAT {LoadReportTarget.FormatNames} (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("report", "Rebuild reports (HTML, Markdown, JUnit) from a load result file") { input, html, markdown, junit, reports };
        command.SetAction(parsed =>
        {
            var texts = new List<string>(parsed.GetValue(reports) ?? []);
            foreach (var (format, option) in new[] { ("html", html), ("markdown", markdown), ("junit", junit) })
            {
                if (parsed.GetValue(option) is { Length: > 0 } path)
                {
                    texts.Add($"{format}={path}");
                }
            }

            return Execute(context, parsed.GetValue(input)!, texts);
        });
        return command;
    }

    private static int Execute(PacerContext context, string input, List<string> reportTexts)
    {
        if (reportTexts.Count == 0)
        {
            context.Error.WriteLine("error: nothing to write: give --html PATH (or --markdown, --junit, --report FORMAT=PATH)");
            return ExitCodes.BadInput;
        }

        var outputs = new List<LoadReportTarget>();
        foreach (var text in reportTexts)
        {
            if (LoadReportTarget.TryParse(text, out var targetError) is not { } target)
            {
                context.Error.WriteLine($"error: {targetError}");
                return ExitCodes.BadInput;
            }

            outputs.Add(target);
        }

        var path = Path.GetFullPath(input, context.CurrentDirectory);
        if (Read(path, input, out var readError) is not { } result)
        {
            context.Error.WriteLine($"error: {readError}");
            return ExitCodes.BadInput;
        }

        foreach (var target in outputs)
        {
            target.Write(result, context.CurrentDirectory);
            context.Out.WriteLine($"wrote {target.Path} ({target.Writer.Format} report of {result.Summary.Requests:N0} requests, {(result.Passed ? "passed" : "failed")})");
        }

        return ExitCodes.Passed;
    }

    private static LoadResult? Read(string path, string name, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            error = $"{name}: no such file";
            return null;
        }

        try
        {
            // Checked first: a result file without "kind" reads as a load result, so the mix-up would pass silently.
            if (IsFunctionalRunReport(path))
            {
                error = $"{name}: this is a functional run report (pacer run --report json=); write its HTML with `pacer run --report html=PATH` — pacer report reads load result files (pacer load --out)";
                return null;
            }

            using var stream = File.OpenRead(path);
            return LoadResultJson.Read(stream, name);
        }
        catch (InvalidDataException exception)
        {
            error = exception.Message;
            return null;
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            error = $"{name}: {exception.Message}";
            return null;
        }
    }

    /// <summary>The JSON of <c>pacer run --report json=</c> has <c>files</c> and no <c>kind</c>; said so, since it is the likely mix-up.</summary>
    private static bool IsFunctionalRunReport(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("files", out _)
                && !document.RootElement.TryGetProperty("kind", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
