using System.CommandLine;
using System.Text.Json.Nodes;
using Pacer.Cli.History;
using Pacer.Cli.Input;
using Pacer.Cli.Load;
using Pacer.Core.Configuration;
using Pacer.Core.Flow.Syntax;
using Pacer.Load.Comparison;
using Pacer.Load.Exposition;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer load PATHS</c>: parse every flow (errors: exit 2, nothing runs), decide each flow's
/// executor from its <c>@load</c> lines and the options, run them side by side with live progress,
/// print the summary with every threshold, write <c>--out</c>. Exit 0 every threshold held,
/// 1 one was breached (or setup failed), 2 bad input, 3 interrupted (the summary and file are still written).
/// </summary>
public static class LoadCommand
{
    public static Command Create(PacerContext context)
    {
        var options = new LoadOptions();
        var command = new Command("load", "Run flow files as a load test: many virtual users, latency percentiles, thresholds");
        options.AddTo(command);
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, options, parsed, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, LoadOptions options, ParseResult parsed, CancellationToken cancellationToken)
    {
        var error = context.Error;
        var files = FlowFileFinder.Find(parsed.GetValue(options.Paths) ?? [], context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            return BadInput(error, findError);
        }

        var overrides = VariableArguments.Parse(parsed.GetValue(options.Vars) ?? [], out var varError);
        if (overrides is null)
        {
            return BadInput(error, varError!);
        }

        if (!DurationArgument.TryParseOption(parsed.GetValue(options.Timeout), "--timeout", TimeSpan.FromSeconds(30), out var timeout, out var durationError) ||
            !DurationArgument.TryParseOption(parsed.GetValue(options.Warmup), "--warmup", out var warmup, out durationError))
        {
            return BadInput(error, durationError!);
        }

        DataTable? data = null;
        var dataMode = DataMode.RoundRobin;
        try
        {
            if (parsed.GetValue(options.Data) is { } dataPath)
            {
                data = DataTable.Load(Path.GetFullPath(dataPath, context.CurrentDirectory));
            }

            dataMode = ParseDataMode(parsed.GetValue(options.DataMode));
        }
        catch (LoadSettingsException exception)
        {
            return BadInput(error, exception.Message);
        }

        var dataColumns = data?.Rows.SelectMany(r => r.Keys).Distinct() ?? [];
        if (FlowInputs.Read(context, files, parsed.GetValue(options.Env), overrides.Keys.Concat(dataColumns)) is not { } inputs)
        {
            return ExitCodes.BadInput;
        }

        var thresholds = LoadThresholds.Resolve(parsed.GetValue(options.Thresholds) ?? [], inputs.Documents, error);
        var commandLine = LoadFlowSettings.FromCommandLine(parsed, options.LoadSettingOptions);
        var profiles = thresholds is null ? null : LoadFlowSettings.Resolve(commandLine, inputs.Documents, error);
        if (profiles is null)
        {
            return ExitCodes.BadInput;
        }

        if (EngineArguments.Resolve(parsed, options, inputs, context.CurrentDirectory, out var protocolError) is not { } protocol)
        {
            return BadInput(error, protocolError!);
        }

        var baseUrl = parsed.GetValue(options.BaseUrl);
        LoadFlow ToLoadFlow(FlowDocument document, int index) => new(document, profiles[index])
        {
            BaseUrl = inputs.BaseUrlFor(document, baseUrl),
            EnvironmentVariables = inputs.VariablesFor(document),
        };

        LoadRun run;
        try
        {
            run = new LoadRun(new LoadRunSettings
            {
                Flows = [.. inputs.Documents.Select(ToLoadFlow)],
                Overrides = overrides,
                Thresholds = thresholds!,
                AbortOnFail = parsed.GetValue(options.AbortOnFail),
                Data = data,
                DataMode = dataMode,
                Timeout = timeout,
                Warmup = warmup,
                Insecure = parsed.GetValue(options.Insecure),
                Protocol = protocol,
                Environment = inputs.EnvironmentName,
            });
        }
        catch (LoadSettingsException exception)
        {
            return BadInput(error, exception.Message);
        }

        var reports = new List<LoadReportTarget>();
        foreach (var text in parsed.GetValue(options.Reports) ?? [])
        {
            if (LoadReportTarget.TryParse(text, out var reportError) is not { } target)
            {
                return BadInput(error, reportError!);
            }

            reports.Add(target);
        }

        // Baselines are read before the load, so a wrong path fails in a second, not after the run.
        var baselines = new List<LoadResult>();
        var tolerance = BaselineComparison.DefaultTolerance;
        try
        {
            baselines.AddRange((parsed.GetValue(options.Baselines) ?? []).Select(b => HistoryResults.ReadLoadResult(context.CurrentDirectory, b)));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException)
        {
            return BadInput(error, exception.Message);
        }

        if (parsed.GetValue(options.Tolerance) is { } toleranceText && !ToleranceSyntax.TryParse(toleranceText, out tolerance, out var toleranceError))
        {
            return BadInput(error, toleranceError!);
        }

        var style = new ConsoleStyle(!parsed.GetValue(options.NoColor) && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new LoadConsoleReporter(context.Out, style, context.OutputIsTerminal);
        var latest = new LatestProgress();
        MetricsEndpoint? metrics = null;
        if (parsed.GetValue(options.MetricsPort) is { } port)
        {
            try
            {
                metrics = MetricsEndpoint.Start(port, () => latest.Snapshot(run.Metrics));
            }
            catch (System.Net.Sockets.SocketException exception)
            {
                return BadInput(error, $"--metrics-port {port}: {exception.Message}");
            }

            await context.Out.WriteLineAsync($"metrics: http://127.0.0.1:{metrics.Port}/metrics").ConfigureAwait(false);
        }

        LoadResult result;
        await using (metrics)
        {
            result = await reporter.ShowProgressAsync(observer => run.RunAsync(latest.Forwarding(observer), cancellationToken)).ConfigureAwait(false);
        }

        reporter.RenderSummary(result);

        string? resultPath = null;
        if (parsed.GetValue(options.Out) is { } outPath)
        {
            resultPath = Path.GetFullPath(outPath, context.CurrentDirectory);
            LoadResultJson.WriteFile(result, resultPath);
            await context.Out.WriteLineAsync($"results: {FlowFileFinder.DisplayPath(resultPath, context.CurrentDirectory)}").ConfigureAwait(false);
        }

        foreach (var target in reports)
        {
            target.Write(result, context.CurrentDirectory);
            await context.Out.WriteLineAsync($"{target.Writer.Format} report: {target.Path}").ConfigureAwait(false);
        }

        var regressed = false;
        if (baselines.Count > 0)
        {
            var comparison = BaselineComparison.Compare(baselines, result, tolerance);
            await context.Out.WriteLineAsync().ConfigureAwait(false);
            ComparisonTextRenderer.Render(comparison, context.Out);
            regressed = comparison.Regressed;
        }

        if (!parsed.GetValue(options.NoHistory))
        {
            RunHistory.RecordLoad(context.CurrentDirectory, result, resultPath, error);
        }

        return run.Interrupted ? ExitCodes.InternalError
            : result.Passed && !regressed ? ExitCodes.Passed
            : ExitCodes.TestFailed;
    }

    private static DataMode ParseDataMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "round-robin" => DataMode.RoundRobin,
        "unique" => DataMode.Unique,
        _ => throw new LoadSettingsException($"--data-mode expects round-robin or unique, got '{text}'"),
    };

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
