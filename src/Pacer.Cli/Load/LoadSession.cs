using Pacer.Application;
using Pacer.Hub.Client;
using Pacer.Load.Exposition;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Load;

/// <summary>
/// A load run as the console shows it, for <c>pacer load</c> and <c>pacer demo</c> alike: the live
/// panel, the optional metrics endpoint and Hub progress, the run itself under the operator's control, and the summary.
/// </summary>
internal static class LoadSession
{
    public static async Task<(LoadResult Result, bool Interrupted)?> RunAsync(LoadRunSettings settings, PacerContext context, bool color, int? metricsPort, HubResultSink? hub = null)
    {
        LoadRun run;
        try
        {
            run = new LoadRun(settings);
        }
        catch (LoadSettingsException exception)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return null;
        }

        var style = new ConsoleStyle(color && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new LoadConsoleReporter(context.Out, style, context.OutputIsTerminal);
        var latest = new LatestProgress();
        MetricsEndpoint? metrics = null;
        if (metricsPort is { } port)
        {
            try
            {
                metrics = MetricsEndpoint.Start(port, () => latest.Snapshot(run));
            }
            catch (System.Net.Sockets.SocketException exception)
            {
                await context.Error.WriteLineAsync($"error: --metrics-port {port}: {exception.Message}").ConfigureAwait(false);
                return null;
            }

            await context.Out.WriteLineAsync($"metrics: http://127.0.0.1:{metrics.Port}/metrics").ConfigureAwait(false);
        }

        LoadResult result;
        await using (metrics)
        {
            var control = context.Control;
            result = await reporter.ShowProgressAsync(observer => run.RunAsync(latest.Forwarding(hub is null ? observer : new HubLoadObserver(observer, hub)), control.Stop, control.Abort)).ConfigureAwait(false);
        }

        reporter.RenderSummary(result);
        return (result, run.Interrupted);
    }
}
