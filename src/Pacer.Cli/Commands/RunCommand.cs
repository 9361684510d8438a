using System.CommandLine;
using Pacer.Application;
using Pacer.Cli.Commands.Hub;
using Pacer.Cli.Input;
using Pacer.Cli.Outputs;
using Pacer.Core.Execution;
using Pacer.Reports;
using Pacer.Reports.Console;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer run PATHS</c>: compile every flow (any error: print all diagnostics, run nothing, exit 2),
/// run them, print steps and a summary, write the requested reports. Exit 0 passed, 1 failed, 3
/// interrupted (what ran is still reported). With <c>--hub</c> the JSON report is uploaded
/// afterwards (or kept for <c>pacer hub push</c>); the upload never changes the exit code.
/// </summary>
public static class RunCommand
{
    public static Command Create(PacerContext context)
    {
        var options = new RunOptions();
        var command = new Command("run", "Run flow files as functional tests against a live API");
        options.AddTo(command);
        command.SetAction((parsed, _) => ExecuteAsync(context, options, parsed));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, RunOptions options, ParseResult parsed)
    {
        var error = context.Error;
        var jobs = parsed.GetValue(options.Jobs);
        if (jobs < 1)
        {
            return BadInput(error, $"--jobs must be at least 1, got {jobs}");
        }

        if (!SharedOptions.TryRead(parsed, options.Timeout, FlowRunOptions.DefaultTimeout, allowZero: false, error, out var timeout) ||
            !SharedOptions.TryReadSize(parsed, options.MaxBody, error, out var maxBody) ||
            !RunOutputs.TryParseReports(parsed.GetValue(options.Reports) ?? [], context, out var reports))
        {
            return ExitCodes.BadInput;
        }

        if (options.Flows.Compile(parsed, context) is not { } flows || options.Tls.Resolve(parsed, flows, context) is not { } tls)
        {
            return ExitCodes.BadInput;
        }

        var responseCheck = await ContractCheckOption.LoadAsync(parsed.GetValue(options.OpenApi), context, CancellationToken.None).ConfigureAwait(false);
        if (responseCheck is { Error: { } specError })
        {
            return BadInput(error, specError);
        }

        var (hub, hubError) = await options.Hub.CreateSinkAsync(parsed, context, CancellationToken.None).ConfigureAwait(false);
        if (hubError is not null)
        {
            return BadInput(error, hubError);
        }

        await using var hubSink = hub;
        if (hub is not null)
        {
            await hub.StartAsync("run", HubUploads.FlowNames(flows, context), CancellationToken.None).ConfigureAwait(false);
        }

        var settings = new FunctionalRunSettings
        {
            Flows = flows,
            Jobs = jobs,
            Timeout = timeout,
            FailFast = parsed.GetValue(options.FailFast),
            FollowRedirects = parsed.GetValue(options.FollowRedirects),
            Insecure = tls.Insecure,
            Tls = tls,
            SoftBudgets = parsed.GetValue(options.SoftBudgets),
            Http2 = parsed.GetValue(options.Http2),
            MaxBodyBytes = maxBody,
            ResponseCheck = responseCheck?.Check,
        };
        var style = new ConsoleStyle(!parsed.GetValue(options.NoColor) && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new ConsoleRunReporter(context.Out, style, parsed.GetValue(options.Verbose), live: jobs == 1);
        var result = await FunctionalRun.RunAsync(settings, reporter, context.Control).ConfigureAwait(false);
        reporter.PrintSummary(result);
        RunOutputs.Write(result, reports, context, flows.EnvironmentName, history: !parsed.GetValue(options.NoHistory));
        if (hub is not null)
        {
            await HubUploads.SayAsync(await hub.FinishAsync(HubUploads.RunReportJson(result), CancellationToken.None).ConfigureAwait(false), context).ConfigureAwait(false);
        }

        return RunOutputs.ExitCode(result);
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
