using System.CommandLine;
using Pacer.Cli.History;
using Pacer.Cli.Input;
using Pacer.Core.Configuration;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Reports;
using Pacer.Reports.Console;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer run PATHS</c>: parse every flow (any error: print all diagnostics, run nothing, exit 2),
/// run them, print steps and a summary, write the requested reports. Exit 0 passed, 1 failed.
/// </summary>
public static class RunCommand
{
    public static Command Create(PacerContext context)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run flow files as functional tests against a live API");
        options.AddTo(command);
        command.Options.Add(RunHistory.CreateNoHistoryOption());
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, options, parsed, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, RunOptions options, ParseResult parsed, CancellationToken cancellationToken)
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

        var timeout = FlowRunOptions.DefaultTimeout;
        if (parsed.GetValue(options.Timeout) is { } timeoutText)
        {
            if (DurationArgument.Parse(timeoutText) is not { } parsedTimeout)
            {
                return BadInput(error, $"--timeout expects a duration such as 500ms, 30s or 2m, got '{timeoutText}'");
            }

            timeout = parsedTimeout;
        }

        var reports = new List<ReportTarget>();
        foreach (var text in parsed.GetValue(options.Reports) ?? [])
        {
            if (ReportTarget.TryParse(text, out var reportError) is not { } target)
            {
                return BadInput(error, reportError!);
            }

            reports.Add(target with { Path = Path.GetFullPath(target.Path, context.CurrentDirectory) });
        }

        var jobs = parsed.GetValue(options.Jobs);
        if (jobs < 1)
        {
            return BadInput(error, $"--jobs must be at least 1, got {jobs}");
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

        var loaded = FlowLoader.Load(
            files,
            context.CurrentDirectory,
            error,
            flow => overrides.Keys.Concat(EnvironmentSelector.Select(config, requestedEnv, flow.Metadata.Env)?.Variables.Keys ?? []));
        if (loaded.HasErrors)
        {
            await error.WriteLineAsync($"{loaded.ErrorCount} error(s): nothing was run.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var responseCheck = await ContractCheckOption.LoadAsync(parsed.GetValue(options.OpenApi), context, cancellationToken).ConfigureAwait(false);
        if (responseCheck is { Error: { } specError })
        {
            return BadInput(error, specError);
        }

        var baseUrl = parsed.GetValue(options.BaseUrl);
        FlowRunOptions OptionsFor(FlowDocument flow)
        {
            var environment = EnvironmentSelector.Select(config, requestedEnv, flow.Metadata.Env);
            return new FlowRunOptions
            {
                BaseUrl = string.IsNullOrEmpty(baseUrl) ? environment?.BaseUrl : baseUrl,
                Overrides = overrides,
                EnvironmentVariables = environment?.Variables ?? new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(),
                Timeout = timeout,
                FailFast = parsed.GetValue(options.FailFast),
                FollowRedirects = parsed.GetValue(options.FollowRedirects),
                Insecure = parsed.GetValue(options.Insecure),
                SoftBudgets = parsed.GetValue(options.SoftBudgets),
                ResponseCheck = responseCheck?.Check,
            };
        }

        var style = new ConsoleStyle(!parsed.GetValue(options.NoColor) && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new ConsoleRunReporter(context.Out, style, parsed.GetValue(options.Verbose), live: jobs == 1);
        var runner = new FlowBatchRunner(OptionsFor, BuiltInVariables.CreateDefault(), jobs);
        var result = await runner.RunAsync(loaded.Documents, reporter, cancellationToken).ConfigureAwait(false);
        reporter.PrintSummary(result);

        foreach (var report in reports)
        {
            report.Write(result);
            await context.Out.WriteLineAsync($"{report.Writer.Format} report: {report.Path}").ConfigureAwait(false);
        }

        if (!parsed.GetValue<bool>("--no-history"))
        {
            var jsonReport = reports.FirstOrDefault(r => r.Writer.Format == "json")?.Path;
            RunHistory.RecordRun(context.CurrentDirectory, result, requestedEnv ?? config.ActiveEnv, jsonReport, error);
        }

        return result.Passed ? ExitCodes.Passed : ExitCodes.TestFailed;
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
