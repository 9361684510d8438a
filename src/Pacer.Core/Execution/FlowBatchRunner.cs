using System.Diagnostics;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs many flow files, up to <c>jobs</c> at a time. Every flow gets its own runner, variables,
/// cookies and connections, so parallel files never share captures. Results keep the input order;
/// after a stop (Ctrl-C) flows not yet started are reported with every step not run.
/// </summary>
public sealed class FlowBatchRunner(Func<FlowDocument, FlowRunOptions> optionsFor, BuiltInVariables builtIns, int jobs)
{
    public Task<RunResult> RunAsync(IReadOnlyList<FlowDocument> flows, IRunObserver? observer, CancellationToken cancellationToken) =>
        RunAsync([.. flows.Select(FlowPlan.Compile)], observer, cancellationToken, cancellationToken);

    /// <param name="stop">Stops starting steps and flows (the first Ctrl-C).</param>
    /// <param name="abort">Cancels requests in flight (the drain timeout, a second Ctrl-C).</param>
    public async Task<RunResult> RunAsync(IReadOnlyList<FlowPlan> flows, IRunObserver? observer, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var results = new FlowRunResult[flows.Count];
        using var slots = new SemaphoreSlim(Math.Max(1, jobs));
        var tasks = flows.Select(async (flow, index) =>
        {
            try
            {
                await slots.WaitAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before this flow's turn: it ran nothing, and says so.
                results[index] = await new FlowRunner(optionsFor(flow.Document), builtIns).RunAsync(flow, null, stop, abort).ConfigureAwait(false);
                return;
            }

            try
            {
                observer?.FlowStarted(flow.Document);
                var runner = new FlowRunner(optionsFor(flow.Document), builtIns);
                var result = await runner.RunAsync(flow, step => observer?.StepCompleted(flow.Document, step), stop, abort).ConfigureAwait(false);
                results[index] = result;
                observer?.FlowCompleted(flow.Document, result);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return new RunResult(results, startedAt, stopwatch.Elapsed);
    }
}
