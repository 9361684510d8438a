using System.CommandLine;
using System.Net.Sockets;
using Pacer.Cli.Input;
using Pacer.Cli.Monitor;
using Pacer.Core.Configuration;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Load;
using Pacer.Load.Exposition;
using Pacer.Load.Syntax;
using Pacer.Load.Thresholds;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer monitor PATHS --every 30s [--for 24h] [--alert-webhook URL] [--reminder 1h] [--threshold T]
/// [--metrics-port N]</c>: synthetic monitoring. Exit 0 when it stops with every rule passing,
/// 1 when something is still failing, 2 for bad input.
/// </summary>
public static class MonitorCommand
{
    /// <summary>How often <c>--otlp</c> pushes (a final push follows when the monitor stops).</summary>
    public static readonly TimeSpan OtlpInterval = TimeSpan.FromSeconds(10);

    public static Command Create(PacerContext context) => Create(context, TimeProvider.System);

    /// <summary>The command on a chosen clock (tests).</summary>
    public static Command Create(PacerContext context, TimeProvider time)
    {
        var paths = PathArgument.Create();
        var every = new Option<string>("--every") { Description = "Time between checks: 200ms, 30s, 5m (default 30s)", DefaultValueFactory = _ => "30s" };
        var duration = new Option<string?>("--for") { Description = "Stop after this long: 10m, 24h (default: until Ctrl-C)" };
        var checks = new Option<int?>("--checks") { Description = "Stop after this many checks" };
        var webhook = new Option<string?>("--alert-webhook") { Description = "POST each alert as JSON to this URL (retried with backoff)" };
        var reminder = new Option<string?>("--reminder") { Description = "Repeat a firing alert this often while it keeps failing: 1h" };
        var thresholds = new Option<string[]>("--threshold") { Description = "A threshold over the last --window checks: p95<300ms, step[Login].errors<5% (repeatable)", AllowMultipleArgumentsPerToken = false };
        var window = new Option<int>("--window") { Description = "How many recent checks thresholds judge (default 5)", DefaultValueFactory = _ => 5 };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics on 127.0.0.1:PORT/metrics" };
        var otlp = new Option<string?>("--otlp") { Description = "Push the same metrics as OTLP/HTTP JSON to this collector URL every 10s" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Base URL for relative step URLs" };
        var env = new Option<string?>("--env", "-e") { Description = "Environment from .pacer/config.yaml" };
        var timeout = new Option<string?>("--timeout") { Description = "Per-request timeout (default 30s)" };

        var command = new Command("monitor", "Run flows on a schedule and alert when they start and stop failing");
        command.Arguments.Add(paths);
        foreach (Option option in new Option[] { every, duration, checks, webhook, reminder, thresholds, window, metricsPort, otlp, baseUrl, env, timeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
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
            var requestTimeout = parsed.GetValue(timeout) is { } timeoutText ? Duration(timeoutText, "--timeout", ref problem) : null;
            if (problem is not null)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var files = FlowFileFinder.Find(parsed.GetValue(paths) ?? [], context.CurrentDirectory, out var findError);
            if (findError is not null)
            {
                await error.WriteLineAsync($"error: {findError}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (FlowInputs.Read(context, files, parsed.GetValue(env), suppliedNames: []) is not { } inputs)
            {
                return ExitCodes.BadInput;
            }

            var flows = new List<(FlowDocument, IReadOnlyList<Threshold>)>();
            foreach (var flow in inputs.Documents)
            {
                var own = new List<Threshold>(settings.Thresholds);
                foreach (var line in flow.Metadata.Thresholds)
                {
                    try
                    {
                        own.Add(ThresholdParser.Parse(line.Text));
                    }
                    catch (LoadSyntaxException exception)
                    {
                        await error.WriteLineAsync($"{flow.Path}:{line.Span.Line}:{line.Span.Column}: error: {exception.Message}").ConfigureAwait(false);
                        return ExitCodes.BadInput;
                    }
                }

                flows.Add((flow, own));
            }

            var cliBaseUrl = parsed.GetValue(baseUrl);
            FlowRunOptions OptionsFor(FlowDocument flow) => new()
            {
                BaseUrl = inputs.BaseUrlFor(flow, cliBaseUrl),
                EnvironmentVariables = inputs.VariablesFor(flow),
                Timeout = requestTimeout ?? FlowRunOptions.DefaultTimeout,
            };

            var loop = new MonitorLoop(settings, flows, OptionsFor, context.Out, time);
            return await RunAsync(context, settings, loop, time, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(PacerContext context, MonitorSettings settings, MonitorLoop loop, TimeProvider time, CancellationToken cancellationToken)
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

        var pusher = settings.Otlp is { } collector ? OtlpPusher.Start(collector, loop.Snapshot, OtlpInterval, context.Error, time) : null;
        using var webhookClient = settings.Webhook is null ? null : new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var dispatcher = settings.Webhook is { } url ? new AlertDispatcher(new WebhookSender(webhookClient!, url, time, context.Error)) : null;
        bool passing;
        try
        {
            await context.Out.WriteLineAsync($"monitoring every {DurationSyntax.Format(settings.Every.Ticks * 100.0)}" +
                (settings.For is { } limit ? $" for {DurationSyntax.Format(limit.Ticks * 100.0)}" : " until Ctrl-C")).ConfigureAwait(false);
            passing = await loop.RunAsync(dispatcher, cancellationToken).ConfigureAwait(false);
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

        return passing ? ExitCodes.Passed : ExitCodes.TestFailed;
    }

    private static TimeSpan? Duration(string text, string option, ref string? problem)
    {
        if (DurationSyntax.TryParse(text.Trim(), out var value, out _) && value > TimeSpan.Zero)
        {
            return value;
        }

        problem ??= $"{option} expects a duration such as 200ms, 30s, 5m or 24h, got '{text}'";
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
            catch (LoadSyntaxException exception)
            {
                problem ??= $"--threshold '{text}': {exception.Message}";
            }
        }

        return parsed;
    }

    private static async Task<bool> Fail(TextWriter error, string message)
    {
        await error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return true;
    }
}
