using Pacer.Core.Http;
using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs one step of a functional run: renders its request once, sends it (again after <c>@retry-wait</c>,
/// up to <c>@retry</c> more times, while it fails), and has <see cref="StepJudge"/> decide each
/// attempt with every check recorded. It knows nothing about files or other steps; what later steps
/// do is <see cref="FlowSequence"/>'s rule.
/// </summary>
public sealed class StepExecutor(
    IRequestTransport transport,
    BuiltInVariables builtIns,
    string? baseUrl,
    TimeSpan defaultTimeout,
    bool softBudgets = false,
    IResponseCheck? responseCheck = null,
    bool http2 = false)
{
    /// <param name="abort">Cancels a request in flight (a second Ctrl-C, or the drain timeout); the step then ends as interrupted.</param>
    public async Task<StepResult> ExecuteAsync(StepPlan step, VariableScope variables, FlowSequence sequence, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(sequence);

        // Rendered once per step, as under load: a retry sends the same request again ({{$uuid}} included).
        var built = RequestBuilder.Build(step.Node, baseUrl, variables, builtIns);
        if (built.Request is null)
        {
            sequence.CapturesOf(step);
            var verdict = StepJudge.NotBuilt(built.Error!);
            return new StepResult(step.Node, step.Number, StepStatus.Failed, verdict.Message, null, null, [], [], TimeSpan.Zero, 1) { Failure = verdict.Failure };
        }

        var attempts = 0;
        while (true)
        {
            attempts++;
            var result = await AttemptAsync(step, built.Request, variables, sequence, abort).ConfigureAwait(false);
            if (result.Passed || result.Interrupted || attempts > step.Retry)
            {
                return result with { Attempts = attempts };
            }

            try
            {
                await Task.Delay(step.RetryWait, abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return result with { Attempts = attempts };
            }
        }
    }

    private async Task<StepResult> AttemptAsync(StepPlan step, RequestSummary request, VariableScope variables, FlowSequence sequence, CancellationToken abort)
    {
        var outcome = await transport.SendAsync(request, new RequestOptions(step.Timeout ?? defaultTimeout, http2 || step.Node.Options.Http2), abort).ConfigureAwait(false);
        if (outcome.Cancelled)
        {
            sequence.CapturesOf(step);
            return StepResult.Skipped(step.Node, step.Number, "interrupted before the response arrived") with { Request = request, Interrupted = true };
        }

        var latency = outcome.Response?.Duration ?? TimeSpan.Zero;
        var details = new StepJudgement();
        var judged = Judge(step, outcome, latency, variables, sequence, details);
        var reason = judged.Message;
        var failure = judged.Failure;
        var failedChecks = details.Assertions.Count(a => !a.Passed && !a.Assertion.IsSoft) + details.Captures.Count(c => !c.Found);
        if (failure is not null && failedChecks > 1)
        {
            reason += $" (and {failedChecks - 1} more)";
        }

        if (failure is null && responseCheck is not null && outcome.Response is { } response && responseCheck.Check(request, response) is { Count: > 0 } problems)
        {
            (failure, reason) = (FailureKind.AssertionFailed, string.Join("; ", problems));
        }

        return new StepResult(
            step.Node,
            step.Number,
            failure is null ? StepStatus.Passed : StepStatus.Failed,
            reason,
            request,
            outcome.Response,
            details.Assertions,
            details.Captures,
            latency,
            1)
        { Failure = failure, Timings = outcome.Timings };
    }

    // Synchronous, so the capture record can be handed to the judge as a span.
    private StepVerdict Judge(StepPlan step, in ExchangeOutcome outcome, TimeSpan latency, VariableScope variables, FlowSequence sequence, StepJudgement details) =>
        StepJudge.Judge(step, outcome, latency.Ticks * 100, variables, builtIns, softBudgets, sequence.CapturesOf(step), details);
}
