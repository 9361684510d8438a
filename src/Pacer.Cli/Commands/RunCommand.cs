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

        if (!DurationArgument.TryParseOption(parsed.GetValue(options.Timeout), "--timeout", FlowRunOptions.DefaultTimeout, out var timeout, out var timeoutError))
        {
            return BadInput(error, timeoutError!);
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

        if (FlowInputs.Read(context, files, parsed.GetValue(options.Env), overrides.Keys) is not { } inputs)
        {
            return ExitCodes.BadInput;
        }

        var responseCheck = await ContractCheckOption.LoadAsync(parsed.GetValue(options.OpenApi), context, cancellationToken).ConfigureAwait(false);
        if (responseCheck is { Error: { } specError })
        {
            return BadInput(error, specError);
        }

        var baseUrl = parsed.GetValue(options.BaseUrl);
        FlowRunOptions OptionsFor(FlowDocument flow) => new()
        {
            BaseUrl = inputs.BaseUrlFor(flow, baseUrl),
            Overrides = overrides,
            EnvironmentVariables = inputs.VariablesFor(flow),
            Timeout = timeout,
            FailFast = parsed.GetValue(options.FailFast),
            FollowRedirects = parsed.GetValue(options.FollowRedirects),
            Insecure = parsed.GetValue(options.Insecure),
            SoftBudgets = parsed.GetValue(options.SoftBudgets),
            ResponseCheck = responseCheck?.Check,
        };

        var style = new ConsoleStyle(!parsed.GetValue(options.NoColor) && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new ConsoleRunReporter(context.Out, style, parsed.GetValue(options.Verbose), live: jobs == 1);
        var runner = new FlowBatchRunner(OptionsFor, BuiltInVariables.CreateDefault(), jobs);
        var result = await runner.RunAsync(inputs.Documents, reporter, cancellationToken).ConfigureAwait(false);
        reporter.PrintSummary(result);

        foreach (var report in reports)
        {
            report.Write(result);
            await context.Out.WriteLineAsync($"{report.Writer.Format} report: {report.Path}").ConfigureAwait(false);
        }

        if (!parsed.GetValue<bool>("--no-history"))
        {
            var jsonReport = reports.FirstOrDefault(r => r.Writer.Format == "json")?.Path;
            RunHistory.RecordRun(context.CurrentDirectory, result, inputs.EnvironmentName, jsonReport, error);
        }

        return result.Passed ? ExitCodes.Passed : ExitCodes.TestFailed;
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
