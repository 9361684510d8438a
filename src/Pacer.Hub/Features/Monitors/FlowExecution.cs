using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// The one place the Hub runs flows with Pacer.Core. Today that is <see cref="FlowBatchRunner"/>; when
/// Pacer's application layer puts its entry point in front of the runner, this file is the only one
/// that changes.
/// </summary>
public sealed class FlowExecution
{
    public async Task<RunResult> RunAsync(FlowDocument flow, FlowRunOptions options, CancellationToken cancellationToken)
    {
        var runner = new FlowBatchRunner(_ => options, BuiltInVariables.CreateDefault(), jobs: 1);
        return await runner.RunAsync([flow], observer: null, cancellationToken).ConfigureAwait(false);
    }
}
