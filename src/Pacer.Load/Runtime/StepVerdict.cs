using Pacer.Core.Assertions;
using Pacer.Core.Http;
using Pacer.Core.Templating;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// Decides whether one request under load failed, and why. Order: a transport failure (refused,
/// reset, timeout); then the status — a 4xx/5xx fails when the step has no status assertion, or
/// when its status assertion rejects it (reported as 4xx/5xx, the more telling kind); then the
/// remaining assertions and captures (assertion-failed, with the first message). Captures are
/// stored in the VU's scope. <c>duration &lt;</c> budgets are not judged here (see <see cref="LoadStep.SlaBudgetNanoseconds"/>).
/// </summary>
internal static class StepVerdict
{
    public static (FailureKind? Kind, string? Message) Judge(in SendOutcome outcome, LoadStep step, VariableScope scope, BuiltInVariables builtIns)
    {
        if (outcome.TransportFailure is { } transport)
        {
            return (transport, outcome.FailureMessage);
        }

        var status = outcome.Status;
        foreach (var check in step.StatusChecks)
        {
            if (!check.Passes(status))
            {
                return (StatusKind(status) ?? FailureKind.AssertionFailed, $"{check.Assertion.Text}: got {status}");
            }
        }

        if (!step.HasStatusAssertion && StatusKind(status) is { } unexpected)
        {
            return (unexpected, $"HTTP {status}");
        }

        if (outcome.Response is not { } response)
        {
            return (null, null);
        }

        var captures = step.Node.Captures;
        for (var i = 0; i < captures.Count; i++) // not foreach: an interface's enumerator is boxed per request
        {
            var capture = captures[i];
            var captured = CaptureEvaluator.Evaluate(capture, response);
            if (!captured.Found)
            {
                return (FailureKind.AssertionFailed, $"could not capture {capture.Name} ({capture.Path.Text}){(captured.Error is { } e ? ": " + e : "")}");
            }

            scope.SetCaptured(capture.Name, captured.Value);
        }

        foreach (var assertion in step.OtherAssertions)
        {
            var result = AssertionEvaluator.Evaluate(assertion, response, scope, builtIns);
            if (!result.Passed)
            {
                var kind = assertion.Subject.Root == Core.Flow.Syntax.PathRoot.Status ? StatusKind(status) : null;
                return (kind ?? FailureKind.AssertionFailed, result.Message ?? $"{assertion.Text}: expected {result.Expected}, got {result.Actual}");
            }
        }

        return (null, null);
    }

    /// <summary>How many of the step's soft assertions <paramref name="response"/> does not satisfy (run after <see cref="Judge"/> passed it).</summary>
    public static int CountWarnings(ResponseSnapshot response, LoadStep step, VariableScope scope, BuiltInVariables builtIns)
    {
        var warnings = 0;
        foreach (var assertion in step.SoftAssertions)
        {
            if (!AssertionEvaluator.Evaluate(assertion, response, scope, builtIns).Passed)
            {
                warnings++;
            }
        }

        return warnings;
    }

    private static FailureKind? StatusKind(int status) => status switch
    {
        >= 500 => FailureKind.ServerError5xx,
        >= 400 => FailureKind.ClientError4xx,
        _ => null,
    };
}
