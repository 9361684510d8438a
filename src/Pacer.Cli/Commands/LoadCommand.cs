using System.CommandLine;
using System.Text.Json.Nodes;
using Pacer.Cli.Input;
using Pacer.Core.Configuration;
using Pacer.Core.Flow.Syntax;
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

        var timeout = TimeSpan.FromSeconds(30);
        if (parsed.GetValue(options.Timeout) is { } timeoutText)
        {
            if (DurationArgument.Parse(timeoutText) is not { } parsedTimeout)
            {
                return BadInput(error, $"--timeout expects a duration such as 500ms, 30s or 2m, got '{timeoutText}'");
            }

            timeout = parsedTimeout;
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

        var config = ConfigFile.Load(files, context, error);
        if (config is null)
        {
            return ExitCodes.BadInput;
        }

        var requestedEnv = parsed.GetValue(options.Env);
        if (EnvironmentSelector.Validate(config, requestedEnv) is { } envError)
        {
            return BadInput(error, envError);
        }

        var dataColumns = data?.Rows.SelectMany(r => r.Keys).Distinct().ToList() ?? [];
        var loaded = FlowLoader.Load(
            files,
            context.CurrentDirectory,
            error,
            flow => overrides.Keys.Concat(dataColumns).Concat(EnvironmentSelector.Select(config, requestedEnv, flow.Metadata.Env)?.Variables.Keys ?? []));
        if (loaded.HasErrors)
        {
            await error.WriteLineAsync($"{loaded.ErrorCount} error(s): nothing was run.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var thresholds = LoadThresholds.Resolve(parsed.GetValue(options.Thresholds) ?? [], loaded.Documents, error);
        var commandLine = LoadFlowSettings.FromCommandLine(parsed, options.LoadSettingOptions);
        var profiles = thresholds is null ? null : LoadFlowSettings.Resolve(commandLine, loaded.Documents, error);
        if (profiles is null)
        {
            return ExitCodes.BadInput;
        }

        var baseUrl = parsed.GetValue(options.BaseUrl);
        LoadFlow ToLoadFlow(FlowDocument document, int index)
        {
            var environment = EnvironmentSelector.Select(config, requestedEnv, document.Metadata.Env);
            return new LoadFlow(document, profiles[index])
            {
                BaseUrl = string.IsNullOrEmpty(baseUrl) ? environment?.BaseUrl : baseUrl,
                EnvironmentVariables = environment?.Variables ?? new Dictionary<string, JsonNode?>(),
            };
        }

        LoadRun run;
        try
        {
            run = new LoadRun(new LoadRunSettings
            {
                Flows = [.. loaded.Documents.Select(ToLoadFlow)],
                Overrides = overrides,
                Thresholds = thresholds!,
                AbortOnFail = parsed.GetValue(options.AbortOnFail),
                Data = data,
                DataMode = dataMode,
                Timeout = timeout,
                Insecure = parsed.GetValue(options.Insecure),
                Environment = requestedEnv ?? config.ActiveEnv,
            });
        }
        catch (LoadSettingsException exception)
        {
            return BadInput(error, exception.Message);
        }

        var style = new ConsoleStyle(!parsed.GetValue(options.NoColor) && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new LoadConsoleReporter(context.Out, style, context.OutputIsTerminal);
        var result = await reporter.ShowProgressAsync(observer => run.RunAsync(observer, cancellationToken)).ConfigureAwait(false);
        reporter.RenderSummary(result);

        if (parsed.GetValue(options.Out) is { } outPath)
        {
            var full = Path.GetFullPath(outPath, context.CurrentDirectory);
            LoadResultJson.WriteFile(result, full);
            await context.Out.WriteLineAsync($"results: {FlowFileFinder.DisplayPath(full, context.CurrentDirectory)}").ConfigureAwait(false);
        }

        return run.Interrupted ? ExitCodes.InternalError
            : result.Passed ? ExitCodes.Passed
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
