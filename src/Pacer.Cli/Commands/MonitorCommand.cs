using System.CommandLine;
using System.Net.Sockets;
using Pacer.Application;
using Pacer.Cli.Commands.Hub;
using Pacer.Cli.Input;
using Pacer.Cli.Monitor;
using Pacer.Cli.Outputs;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Pacer.Load.Exposition;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer monitor PATHS --every 30s [--for 24h] [--checks N] [--alert-webhook URL] [--reminder 1h]
/// [--threshold T] [--metrics-port N] [--out FILE] [--report FORMAT=PATH] [--hub URL --project SLUG]</c>:
/// synthetic monitoring; with <c>--hub</c> each check is uploaded as a monitor run.
/// Exit 0 when it stops with every rule passing, 1 when something is still failing, 2 for bad input,
/// 3 when its operator stopped it (the checks made are still written).
/// </summary>
public static class MonitorCommand
{
    /// <summary>How often <c>--otlp</c> pushes (a final push follows when the monitor stops).</summary>
    public static readonly TimeSpan OtlpInterval = TimeSpan.FromSeconds(10);

    public static Command Create(PacerContext context) => Create(context, TimeProvider.System);

    /// <summary>The command on a chosen clock (tests).</summary>
    public static Command Create(PacerContext context, TimeProvider time)
    {
        var flowOptions = new FlowOptions();
        var every = new Option<string>("--every") { Description = "Time between checks: 200ms, 30s, 5m (default 30s)", DefaultValueFactory = _ => "30s" };
        var duration = new Option<string?>("--for") { Description = "Stop after this long: 10m, 24h (default: until Ctrl-C)" };
        var checks = new Option<int?>("--checks") { Description = "Stop after this many checks" };
        var webhook = new Option<string?>("--alert-webhook") { Description = "POST each alert as JSON to this URL (retried with backoff)" };
        var reminder = new Option<string?>("--reminder") { Description = "Repeat a firing alert this often while it keeps failing: 1h" };
        var thresholds = new Option<string[]>("--threshold") { Description = "A threshold over the last --window checks: p95<300ms, step[Login].errors<5% (repeatable)", AllowMultipleArgumentsPerToken = false };
        var window = new Option<int>("--window") { Description = "How many recent checks thresholds judge (default 5)", DefaultValueFactory = _ => 5 };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics" };
        var otlp = new Option<string?>("--otlp") { Description = "Push the same metrics as OTLP/HTTP JSON to this collector URL every 10s" };
        var timeout = SharedOptions.Timeout();
        var tlsArguments = new TlsArguments();
        var maxBody = SharedOptions.MaxBody();
        var softBudgets = SharedOptions.SoftBudgets();
        var http2 = SharedOptions.Http2();
        var drain = new Option<string?>("--drain-timeout") { Description = "After Ctrl-C, how long the check in flight may take to finish (default 1s)" };
        var outFile = new Option<string?>("--out", "-o") { Description = "Write every check made (the latest 1000) as a JSON report when the monitor stops" };
        var reports = new Option<string[]>("--report") { Description = "Write a report of the checks when the monitor stops: FORMAT=PATH (json, junit, markdown, html; repeatable)", AllowMultipleArgumentsPerToken = false };

        var hubOutput = new HubOutput();

        var command = new Command("monitor", "Run flows on a schedule and alert when they start and stop failing");
        flowOptions.AddTo(command);
        tlsArguments.AddTo(command);
        foreach (Option option in (Option[])[every, duration, checks, webhook, reminder, thresholds, window, metricsPort, otlp, timeout, maxBody, softBudgets, http2, drain, outFile, reports, .. hubOutput.Options])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, _) =>
        {
            var error = context.Error;
            string? problem = null;
            var settings = new MonitorSettings
            {
                Every = Duration(parsed.GetValue(every)!, "--every", ref problem) ?? TimeSpan.Zero,
                For = parsed.GetValue(duration) is { } forText ? Duration(forText, "--for", ref problem) : null,
                Checks = parsed.GetValue(checks),
                Reminder = parsed.GetValue(reminder) is { } reminderText ? Duration(reminderText, "--reminder", ref problem) : null,
                Window = parsed.GetValue(window),
                MetricsPort = parsed.GetValue(metricsPort),
                Webhook = parsed.GetValue(webhook) is { } url ? HttpUrl(url, "--alert-webhook", ref problem) : null,
                Otlp = parsed.GetValue(otlp) is { } otlpUrl ? HttpUrl(otlpUrl, "--otlp", ref problem) : null,
                Thresholds = Thresholds(parsed.GetValue(thresholds) ?? [], ref problem),
            };
            problem ??= settings switch
            {
                { Checks: < 1 } => "--checks must be at least 1",
                { Window: < 1 } => "--window must be at least 1",
                { MetricsPort: < 0 or > 65535 } => "--metrics-port must be between 0 and 65535",
                _ => null,
            };
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (!SharedOptions.TryRead(parsed, timeout, FlowRunOptions.DefaultTimeout, allowZero: false, error, out var requestTimeout) ||
                !SharedOptions.TryRead(parsed, drain, TimeSpan.FromSeconds(1), allowZero: true, error, out var drainTimeout) ||
                !SharedOptions.TryReadSize(parsed, maxBody, error, out var maxBodyBytes) ||
                !RunOutputs.TryParseReports([.. parsed.GetValue(reports) ?? [], .. parsed.GetValue(outFile) is { } outPath ? [$"json={outPath}"] : Array.Empty<string>()], context, out var targets) ||
                flowOptions.Compile(parsed, context) is not { } flows ||
                tlsArguments.Resolve(parsed, flows, context) is not { } tls)
            {
                return ExitCodes.BadInput;
            }

            var threshold = settings.Thresholds.Select(t => (t, (Core.Flow.Syntax.SourceSpan?)null)).ToList();
            if (!Problems.Print(ThresholdSteps.Check(flows.Flows, threshold, flows), error))
            {
                return ExitCodes.BadInput;
            }

            var (hub, hubError) = await hubOutput.CreateSinkAsync(parsed, context, CancellationToken.None).ConfigureAwait(false);
            if (hubError is not null)
            {
                await error.WriteLineAsync($"error: {hubError}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            settings = settings with { DrainTimeout = drainTimeout };
            var run = new FunctionalRunSettings
            {
                Flows = flows,
                Timeout = requestTimeout,
                Insecure = tls.Insecure,
                Tls = tls,
                SoftBudgets = parsed.GetValue(softBudgets),
                Http2 = parsed.GetValue(http2),
                MaxBodyBytes = maxBodyBytes,
            };
            var monitored = flows.Flows.Select(f => (f, (IReadOnlyList<Threshold>)[.. settings.Thresholds, .. f.Thresholds.Select(t => t.Threshold)])).ToList();
            var uploads = hub is null ? null : new HubMonitorUploads(hub, context);
            var loop = new MonitorLoop(settings, monitored, flow => FunctionalRun.OptionsFor(run, flow), context.Out, time) { CheckMade = uploads is null ? null : uploads.Enqueue };
            int exit;
            await using (uploads)
            {
                exit = await RunAsync(context, settings, loop).ConfigureAwait(false);
            }

            RunOutputs.Write(loop.Checks(), targets, context, flows.EnvironmentName, history: false);
            return exit;
        });
        return command;
    }

    private static async Task<int> RunAsync(PacerContext context, MonitorSettings settings, MonitorLoop loop)
    {
        MetricsEndpoint? endpoint = null;
        if (settings.MetricsPort is { } port)
        {
            try
            {
                endpoint = MetricsEndpoint.Start(port, loop.Snapshot);
                await context.Out.WriteLineAsync($"metrics: {endpoint.Url}").ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                await context.Error.WriteLineAsync($"error: cannot serve metrics on 127.0.0.1:{port}: {exception.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
        }

        var pusher = settings.Otlp is { } collector ? OtlpPusher.Start(collector, loop.Snapshot, OtlpInterval, context.Error, TimeProvider.System) : null;
        using var webhookClient = settings.Webhook is null ? null : new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var dispatcher = settings.Webhook is { } url ? new AlertDispatcher(new WebhookSender(webhookClient!, url, TimeProvider.System, context.Error)) : null;
        bool passing;
        try
        {
            await context.Out.WriteLineAsync($"monitoring every {DurationSyntax.Format(settings.Every)}" +
                (settings.For is { } limit ? $" for {DurationSyntax.Format(limit)}" : " until Ctrl-C")).ConfigureAwait(false);
            passing = await loop.RunAsync(dispatcher, context.Control).ConfigureAwait(false);
        }
        finally
        {
            if (dispatcher is not null)
            {
                await dispatcher.DisposeAsync().ConfigureAwait(false);
            }

            if (pusher is not null)
            {
                await pusher.DisposeAsync().ConfigureAwait(false);
            }

            if (endpoint is not null)
            {
                await endpoint.DisposeAsync().ConfigureAwait(false);
            }
        }

        return loop.Interrupted ? ExitCodes.InternalError : passing ? ExitCodes.Passed : ExitCodes.TestFailed;
    }

    private static TimeSpan? Duration(string text, string option, ref string? problem)
    {
        if (DurationSyntax.TryParseSetting(option, text, allowZero: false, out var value, out var error))
        {
            return value;
        }

        problem ??= error;
        return null;
    }

    private static Uri? HttpUrl(string text, string option, ref string? problem)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problem ??= $"{option} expects an http(s) URL, got '{text}'";
        return null;
    }

    private static List<Threshold> Thresholds(string[] texts, ref string? problem)
    {
        var parsed = new List<Threshold>();
        foreach (var text in texts)
        {
            try
            {
                parsed.Add(ThresholdParser.Parse(text));
            }
            catch (DirectiveSyntaxException exception)
            {
                problem ??= $"--threshold '{text}': {exception.Reason} (column {exception.Column})";
            }
        }

        return parsed;
    }
}
