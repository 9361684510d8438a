using System.Diagnostics;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Core.Execution;

/// <summary>
/// Runs one step: renders its request, sends it (again, per <c>@retry</c>, while it fails),
/// evaluates captures then assertions, and stores captures in the scope. It knows nothing about
/// files or other steps, so <c>pacer load</c> and Pacer.Testing can drive it directly.
/// </summary>
public sealed class StepExecutor(HttpClient client, BuiltInVariables builtIns, string? baseUrl, TimeSpan defaultTimeout, bool softBudgets = false)
{
    public async Task<StepResult> ExecuteAsync(StepNode step, int number, VariableScope variables, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var total = Stopwatch.StartNew();
        StepResult result;
        while (true)
        {
            attempts++;
            result = await AttemptAsync(step, number, variables, cancellationToken).ConfigureAwait(false);
            if (result.Status == StepStatus.Passed || attempts > step.Options.Retry || result.Request is null)
            {
                break;
            }

            await Task.Delay(Math.Max(0, step.Options.RetryWaitMs), cancellationToken).ConfigureAwait(false);
        }

        return result with { Attempts = attempts, Duration = result.Response?.Duration ?? total.Elapsed };
    }

    private async Task<StepResult> AttemptAsync(StepNode step, int number, VariableScope variables, CancellationToken cancellationToken)
    {
        var built = RequestBuilder.Build(step, baseUrl, variables, builtIns);
        if (built.Request is null)
        {
            return Failed(step, number, built.Error!, null, null, [], []);
        }

        var request = built.Request;
        var timeout = step.Options.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : defaultTimeout;
        ResponseSnapshot response;
        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeoutSource.CancelAfter(timeout);
            try
            {
                response = await HttpRequestSender.SendAsync(client, request, timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(step, number, $"timed out after {timeout.TotalMilliseconds:0} ms", request, null, [], []);
            }
            catch (HttpRequestException exception)
            {
                return Failed(step, number, HttpFailureDescriber.Describe(exception, new Uri(request.Url)), request, null, [], []);
            }
        }

        var captures = step.Captures.Select(c => CaptureEvaluator.Evaluate(c, response)).ToList();
        foreach (var capture in captures.Where(c => c.Found))
        {
            variables.SetCaptured(capture.Capture.Name, capture.Value);
        }

        var assertions = step.Assertions.Select(a => AssertionEvaluator.Evaluate(Effective(a), response, variables, builtIns)).ToList();
        var reason = FailureReason(captures, assertions);
        return reason is null
            ? new StepResult(step, number, StepStatus.Passed, null, request, response, assertions, captures, response.Duration, 1)
            : Failed(step, number, reason, request, response, assertions, captures);
    }

    /// <summary>With soft budgets, a <c>duration</c> assertion counts as a soft one (see <see cref="FlowRunOptions.SoftBudgets"/>).</summary>
    private AssertionNode Effective(AssertionNode assertion) =>
        softBudgets && assertion.Subject.Root == PathRoot.Duration && !assertion.IsSoft ? assertion with { IsSoft = true } : assertion;

    private static string? FailureReason(IReadOnlyList<CaptureOutcome> captures, IReadOnlyList<AssertionOutcome> assertions)
    {
        var failedAssertions = assertions.Count(a => !a.Passed && !a.Assertion.IsSoft);
        var missing = captures.Where(c => !c.Found).Select(c => c.Capture.Name).ToList();
        var parts = new List<string>();
        if (failedAssertions > 0)
        {
            parts.Add(failedAssertions == 1 ? "1 assertion failed" : $"{failedAssertions} assertions failed");
        }

        if (missing.Count > 0)
        {
            parts.Add("could not capture " + string.Join(", ", missing));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static StepResult Failed(
        StepNode step,
        int number,
        string reason,
        RequestSummary? request,
        ResponseSnapshot? response,
        IReadOnlyList<AssertionOutcome> assertions,
        IReadOnlyList<CaptureOutcome> captures) =>
        new(step, number, StepStatus.Failed, reason, request, response, assertions, captures, response?.Duration ?? TimeSpan.Zero, 1);
}
