using System.CommandLine;
using Pacer.Application;
using Pacer.Cli.Commands.Hub;
using Pacer.Cli.Input;
using Pacer.Cli.Load;
using Pacer.Cli.Outputs;
using Pacer.Hub.Client;
using Pacer.Load.Results;
using Pacer.Load.Runtime;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer load PATHS</c>: compile every flow and plan the run (any problem: print them all, run
/// nothing, exit 2), run it with live progress, print the summary with every threshold, write
/// <c>--out</c> and the reports. Exit 0 the run's verdict passed, 1 it failed (a threshold, the implicit
/// <c>checks==100%</c>, setup, or a regression against a baseline), 2 bad input, 3 interrupted (the
/// summary, the file and the reports are still written). With <c>--hub</c> the progress goes to the Hub
/// live and the result file after the run (or is kept for <c>pacer hub push</c>); never a change of exit code.
/// </summary>
public static class LoadCommand
{
    public static Command Create(PacerContext context)
    {
        var options = new LoadOptions();
        var command = new Command("load", "Run flow files as a load test: many virtual users, latency percentiles, thresholds");
        options.AddTo(command);
        command.SetAction((parsed, _) => ExecuteAsync(context, options, parsed));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, LoadOptions options, ParseResult parsed)
    {
        var error = context.Error;
        if (options.ReadLoadSettings(parsed, error) is not { } commandLine ||
            !SharedOptions.TryRead(parsed, options.Timeout, TimeSpan.FromSeconds(30), allowZero: false, error, out var timeout) ||
            !SharedOptions.TryRead(parsed, options.Warmup, allowZero: true, error, out var warmup) ||
            !SharedOptions.TryRead(parsed, options.DrainTimeout, TimeSpan.FromSeconds(1), allowZero: true, error, out var drain) ||
            !SharedOptions.TryReadSize(parsed, options.MaxBody, error, out var maxBody) ||
            ReadData(parsed, options, context) is not { } data ||
            DistributedOptions.Read(parsed, options, context.Error) is not { } distributed ||
            LoadOutputs.TryCreate(
                context, parsed.GetValue(options.Out), parsed.GetValue(options.Reports) ?? [], parsed.GetValue(options.Baselines) ?? [],
                parsed.GetValue(options.Tolerance), history: !parsed.GetValue(options.NoHistory)) is not { } outputs)
        {
            return ExitCodes.BadInput;
        }

        var dataColumns = data.Table?.Rows.SelectMany(r => r.Keys).Distinct() ?? [];
        if (options.Flows.Compile(parsed, context, dataColumns) is not { } flows)
        {
            return ExitCodes.BadInput;
        }

        if (options.ReadProtocol(parsed, flows, context) is not { } protocol)
        {
            return ExitCodes.BadInput;
        }

        var request = new LoadRequest
        {
            Flows = flows,
            CommandLine = commandLine,
            Thresholds = parsed.GetValue(options.Thresholds) ?? [],
            AbortOnFail = parsed.GetValue(options.AbortOnFail),
            Data = data.Table,
            DataMode = data.Mode,
            Timeout = timeout,
            Warmup = warmup,
            DrainTimeout = drain,
            Insecure = protocol.Tls?.Insecure ?? false,
            Protocol = protocol,
            SoftBudgets = parsed.GetValue(options.SoftBudgets),
            MaxBodyBytes = maxBody,
            Segment = distributed.Segment,
            Coordinated = distributed.Coordinator is not null,
        };
        var (settings, problems) = LoadPlanner.Plan(request);
        if (!Problems.Print(problems, error) || settings is null)
        {
            return ExitCodes.BadInput;
        }

        var (hub, hubError) = await options.Hub.CreateSinkAsync(parsed, context, CancellationToken.None).ConfigureAwait(false);
        if (hubError is not null)
        {
            await error.WriteLineAsync($"error: {hubError}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        await using var hubSink = hub;
        if (hub is not null)
        {
            await hub.StartAsync("load", HubUploads.FlowNames(flows, context), CancellationToken.None).ConfigureAwait(false);
        }

        if (distributed.Coordinator is { } coordinator)
        {
            // One result for the whole test, so the Hub follows the coordinator (the agents upload nothing).
            var (result, stopped) = await DistributedSession.RunAsync(request, settings, coordinator, context, color: !parsed.GetValue(options.NoColor), hub).ConfigureAwait(false);
            return await FinishAsync(result, stopped, outputs, hub, context).ConfigureAwait(false);
        }

        if (await LoadSession.RunAsync(settings, context, color: !parsed.GetValue(options.NoColor), parsed.GetValue(options.MetricsPort), hub).ConfigureAwait(false) is not { } run)
        {
            return ExitCodes.BadInput;
        }

        return await FinishAsync(run.Result, run.Interrupted, outputs, hub, context).ConfigureAwait(false);
    }

    /// <summary>The result file and reports, the Hub's copy, the exit code.</summary>
    private static async Task<int> FinishAsync(LoadResult result, bool interrupted, LoadOutputs outputs, HubResultSink? hub, PacerContext context)
    {
        var regressed = outputs.Write(result, context);
        if (hub is not null)
        {
            await HubUploads.SayAsync(await hub.FinishAsync(result, CancellationToken.None).ConfigureAwait(false), context).ConfigureAwait(false);
        }

        return LoadOutputs.ExitCode(result, interrupted, regressed);
    }

    internal static (DataTable? Table, DataMode Mode)? ReadData(ParseResult parsed, LoadOptions options, PacerContext context)
    {
        try
        {
            var table = parsed.GetValue(options.Data) is { } path ? DataTable.Load(Path.GetFullPath(path, context.CurrentDirectory)) : null;
            var mode = parsed.GetValue(options.DataMode)?.Trim().ToLowerInvariant() switch
            {
                null or "" or "round-robin" => DataMode.RoundRobin,
                "unique" => DataMode.Unique,
                var other => throw new LoadSettingsException($"--data-mode expects round-robin or unique, got '{other}'"),
            };
            return (table, mode);
        }
        catch (LoadSettingsException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return null;
        }
    }
}
