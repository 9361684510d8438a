using Pacer.Application;
using Pacer.Distributed.Coordinator;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Load;

/// <summary>
/// A distributed run's coordinator as the console shows it: the same live panel and summary as
/// <c>pacer load</c>, over the whole test (every agent merged), under the operator's control.
/// Returns the result and whether the run was stopped or partial (exit 3).
/// </summary>
internal static class DistributedSession
{
    public static async Task<(LoadResult Result, bool Stopped)> RunAsync(LoadRequest request, LoadRunSettings settings, CoordinatorSettings coordinator, PacerContext context, bool color)
    {
        var style = new ConsoleStyle(color && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
        var reporter = new LoadConsoleReporter(context.Out, style, context.OutputIsTerminal);
        var run = new CoordinatedRun(request, settings, coordinator);
        var control = context.Control;
        var result = await reporter.ShowProgressAsync(observer => run.RunAsync(observer, control.Stop, control.Abort)).ConfigureAwait(false);
        reporter.RenderSummary(result);
        return (result, run.Interrupted || run.Partial);
    }
}
