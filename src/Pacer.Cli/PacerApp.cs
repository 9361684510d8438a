using System.CommandLine;
using System.CommandLine.Help;
using Pacer.Cli.Commands;

namespace Pacer.Cli;

/// <summary>
/// The <c>pacer</c> command line. Each command lives in its own file under Commands/ and is added
/// in <see cref="BuildRootCommand"/>; this class owns what is common: usage errors (exit 2) and
/// the catch-all for internal errors (exit 3, no stack trace unless <c>--verbose</c>).
/// </summary>
public static class PacerApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Application.RunControl? control = null) =>
        RunAsync(args, new PacerContext(
            stdout,
            stderr,
            Directory.GetCurrentDirectory(),
            Environment.GetEnvironmentVariable,
            ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected)
        {
            Control = control ?? Application.RunControl.None,
        });

    public static async Task<int> RunAsync(string[] args, PacerContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        // An in-process caller's token (a test's, or the demo's) stops a run as a first Ctrl-C does.
        if (context.Control == Application.RunControl.None && cancellationToken.CanBeCanceled)
        {
            context = context with { Control = new Application.RunControl(cancellationToken, CancellationToken.None) };
        }

        try
        {
            var root = BuildRootCommand(context);
            var parsed = root.Parse(args);
            var configuration = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,

                // Signals are the runs' business (OperatorSignals): a stopped run still writes what it measured.
                ProcessTerminationTimeout = null,
            };

            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            {
                foreach (var line in Input.UsageErrors.Describe(parsed))
                {
                    await context.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
                }

                var commandPath = Input.UsageErrors.CommandPath(parsed.CommandResult.Command);
                await context.Error.WriteLineAsync($"Run '{commandPath} --help' for usage.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled: the run was interrupted before it finished").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The catch-all is the point: exit 3 with a message instead of a crash.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // PACER_DEBUG, not --verbose: not every command has --verbose, and a hint must work wherever it is printed.
            var debug = context.Environment("PACER_DEBUG") is { Length: > 0 } value && value != "0";
            await context.Error.WriteLineAsync($"internal error: {exception.Message}").ConfigureAwait(false);
            await context.Error.WriteLineAsync(debug ? exception.ToString() : "(set PACER_DEBUG=1 to see where it happened, and please report it)").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    public static RootCommand BuildRootCommand(PacerContext context)
    {
        var root = new RootCommand("Pacer: API flows in Markdown, run as tests.");
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(HistoryCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(MonitorCommand.Create(context));
        root.Subcommands.Add(LoadCommand.Create(context));
        root.Subcommands.Add(AgentCommand.Create(context));
        root.Subcommands.Add(K8sCommand.Create(context));
        root.Subcommands.Add(ContractCommand.Create(context));
        root.Subcommands.Add(ProbeCommand.Create(context));
        root.Subcommands.Add(SpecDiffCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(Commands.Hub.HubCommand.Create(context));
        return root;
    }
}
