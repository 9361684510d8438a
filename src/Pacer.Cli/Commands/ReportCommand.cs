using System.CommandLine;
using System.Text.Json;
using Pacer.Load.Results;
using Pacer.Reports.Html;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer report results.json --html out.html</c>: rebuilds a report from a load result file
/// (<c>pacer load --out</c>) without running anything. Exit 0 when the reports were written,
/// 2 when the input is missing or not a load result file (the message names the file).
/// </summary>
public static class ReportCommand
{
    public static Command Create(PacerContext context)
    {
        var input = new Argument<string>("results") { Description = "A load result file (pacer load --out results.json)" };
        var html = new Option<string?>("--html") { Description = "Write the HTML report to this path" };
        var command = new Command("report", "Rebuild reports from a result file") { input, html };
        command.SetAction(parsed => Execute(context, parsed.GetValue(input)!, [(new HtmlReportWriter(), parsed.GetValue(html))]));
        return command;
    }

    private static int Execute(PacerContext context, string input, IEnumerable<(ILoadReportWriter Writer, string? Path)> requested)
    {
        var outputs = requested.Where(r => !string.IsNullOrWhiteSpace(r.Path)).ToList();
        if (outputs.Count == 0)
        {
            context.Error.WriteLine("error: nothing to write: give --html PATH");
            return ExitCodes.BadInput;
        }

        var path = Path.GetFullPath(input, context.CurrentDirectory);
        if (Read(path, input, out var readError) is not { } result)
        {
            context.Error.WriteLine($"error: {readError}");
            return ExitCodes.BadInput;
        }

        foreach (var (writer, target) in outputs)
        {
            var full = Path.GetFullPath(target!, context.CurrentDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = File.Create(full))
            {
                writer.Write(result, stream);
            }

            context.Out.WriteLine($"wrote {target} ({writer.Format} report of {result.Summary.Requests:N0} requests, {(result.Passed ? "passed" : "failed")})");
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
