using Pacer.Application;
using Pacer.Distributed.Coordinator;
using Pacer.Hub.Client;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Load;

/// <summary>
/// A distributed run's coordinator as the console shows it: the same live panel and summary as
/// <c>pacer load</c>, over the whole test (every agent merged), under the operator's control; with
/// <c>--hub</c> the Hub follows the whole test's progress too.
/// Returns the result and whether the run was stopped or partial (exit 3).
/// </summary>
internal static class DistributedSession
{
    public static async Task<(LoadResult Result, bool Stopped)> RunAsync(LoadRequest request, LoadRunSettings settings, CoordinatorSettings coordinator, PacerContext context, bool color, HubResultSink? hub = null)
    {
        var style = new ConsoleStyle(color && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new LoadConsoleReporter(context.Out, style, context.OutputIsTerminal);
        var run = new CoordinatedRun(request, settings, coordinator);
        var control = context.Control;
        var result = await reporter.ShowProgressAsync(observer => run.RunAsync(hub is null ? observer : new HubLoadObserver(observer, hub), control.Stop, control.Abort)).ConfigureAwait(false);
        reporter.RenderSummary(result);
        return (result, run.Interrupted || run.Partial);
    }
}
