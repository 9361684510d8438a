using System.Diagnostics;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs many flow files, up to <c>jobs</c> at a time. Every flow gets its own runner, variables
/// and HTTP client, so parallel files never share captures or cookies. Results keep the input order.
/// </summary>
public sealed class FlowBatchRunner(Func<FlowDocument, FlowRunOptions> optionsFor, BuiltInVariables builtIns, int jobs)
{
    public async Task<RunResult> RunAsync(IReadOnlyList<FlowDocument> flows, IRunObserver? observer, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var results = new FlowRunResult[flows.Count];
        using var slots = new SemaphoreSlim(Math.Max(1, jobs));
        var tasks = flows.Select(async (flow, index) =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                observer?.FlowStarted(flow);
                var runner = new FlowRunner(optionsFor(flow), builtIns);
                var result = await runner.RunAsync(flow, step => observer?.StepCompleted(flow, step), cancellationToken).ConfigureAwait(false);
                results[index] = result;
                observer?.FlowCompleted(flow, result);
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
