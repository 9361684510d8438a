using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Pacer.Cli.History;
using Pacer.Load.Results;

namespace Pacer.Cli.Commands;

/// <summary><c>pacer show ID|last|last~N</c>: the summary of one recorded run, with its steps when the result file is still there.</summary>
public static class ShowCommand
{
    public static Command Create(PacerContext context)
    {
        var run = new Argument<string>("run") { Description = "A run number from pacer history, last, or last~N", DefaultValueFactory = _ => "last" };
        var command = new Command("show", "Show the summary of a recorded run");
        command.Arguments.Add(run);
        command.SetAction(parsed => Execute(context, parsed.GetValue(run)!));
        return command;
    }

    private static int Execute(PacerContext context, string text)
    {
        if (HistoryReference.TryParse(text) is not { } reference)
        {
            context.Error.WriteLine($"error: '{text}' is not a run reference (use a run number, last or last~N)");
            return ExitCodes.BadInput;
        }

        HistoryEntry? entry;
        try
        {
            entry = HistoryResults.FindEntry(context.CurrentDirectory, reference);
        }
        catch (HistoryException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.InternalError;
        }

        if (entry is null)
        {
            context.Error.WriteLine($"error: no recorded run '{reference}' in {RunHistory.DatabasePath(context.CurrentDirectory)}");
            return ExitCodes.BadInput;
        }

        WriteSummary(context.Out, entry);
        var file = RunHistory.ResultFile(context.CurrentDirectory, entry);
        if (file is null || !File.Exists(file))
        {
            context.Out.WriteLine($"(the result file {entry.ResultPath ?? ""} no longer exists)");
        }
        else if (entry.Kind == HistoryKinds.Load)
        {
            WriteLoadDetail(context, file);
        }
        else
        {
            WriteRunDetail(context, file);
        }

        return ExitCodes.Passed;
    }

    private static void WriteSummary(TextWriter output, HistoryEntry entry)
    {
        output.WriteLine($"Run #{entry.Id}: {entry.Kind}, {(entry.Passed ? "passed" : "FAILED")}");
        output.WriteLine($"  flows:        {string.Join(", ", entry.Flows)}");
        output.WriteLine($"  environment:  {entry.Environment ?? "-"}");
        output.WriteLine($"  started:      {entry.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({entry.Duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)}s)");
        if (entry.Kind == HistoryKinds.Load)
        {
            output.WriteLine($"  requests:     {entry.Requests} ({HistoryFormatting.Rate(entry.Rps)}), {entry.Failures} failed ({HistoryFormatting.Percent(entry.ErrorRate)})");
        }
        else
        {
            output.WriteLine($"  steps:        {entry.Requests} sent a request, {entry.Failures} failed");
        }

        output.WriteLine($"  latency:      p50 {HistoryFormatting.Milliseconds(entry.P50Ms)}  p95 {HistoryFormatting.Milliseconds(entry.P95Ms)}  p99 {HistoryFormatting.Milliseconds(entry.P99Ms)}");
        output.WriteLine($"  result:       {entry.ResultPath ?? "-"}");
    }

    /// <summary>Each flow of a functional run and its failed steps, from the JSON report (docs/report-json.md).</summary>
    private static void WriteRunDetail(PacerContext context, string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            using var report = JsonDocument.Parse(stream);
            context.Out.WriteLine();
            foreach (var flow in report.RootElement.GetProperty("files").EnumerateArray())
            {
                context.Out.WriteLine($"  {(flow.GetProperty("passed").GetBoolean() ? "passed" : "FAILED")}  {flow.GetProperty("name").GetString()}");
                foreach (var step in flow.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("status").GetString() != "passed"))
                {
                    var reason = step.TryGetProperty("reason", out var value) && value.ValueKind == JsonValueKind.String ? $": {value.GetString()}" : "";
                    context.Out.WriteLine($"          {step.GetProperty("status").GetString()} step {step.GetProperty("number").GetInt32()} {step.GetProperty("name").GetString()}{reason}");
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or KeyNotFoundException or InvalidOperationException)
        {
            context.Out.WriteLine($"(the result file cannot be read: {exception.Message})");
        }
    }

    private static void WriteLoadDetail(PacerContext context, string file)
    {
        LoadResult result;
        try
        {
            result = LoadResultJson.ReadFile(file);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            context.Out.WriteLine($"(the result file cannot be read: {exception.Message})");
            return;
        }

        if (result.Steps.Count > 0)
        {
            context.Out.WriteLine();
            var rows = result.Steps.Select(s => new[]
            {
                s.Name,
                s.Requests.ToString(CultureInfo.InvariantCulture),
                HistoryFormatting.Rate(s.Rps),
                HistoryFormatting.Milliseconds(s.LatencyMs.P50),
                HistoryFormatting.Milliseconds(s.LatencyMs.P95),
                HistoryFormatting.Milliseconds(s.LatencyMs.P99),
                HistoryFormatting.Percent(s.ErrorRate),
            }).ToList();
            HistoryFormatting.WriteTable(context.Out, ["step", "requests", "rps", "p50", "p95", "p99", "errors"], rows);
        }

        foreach (var threshold in result.Thresholds)
        {
            context.Out.WriteLine($"  {(threshold.Passed ? "ok  " : "FAIL")} {threshold.Text} (actual {threshold.ActualText})");
        }
    }
}
