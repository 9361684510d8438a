using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Core.Judge;

/// <summary>
/// The one place a step's verdict is decided, for <c>pacer run</c>, <c>load</c>, <c>monitor</c>,
/// Pacer.Testing and the Hub alike. Drivers send and measure; this reads what came back. In order,
/// the first that applies names the failure:
/// <list type="number">
/// <item>no valid response (refused, reset, timeout, protocol error, body too large);</item>
/// <item>the status: the step's <c>status</c> assertions decide; a step without one accepts any
/// status below 400 (k6 counts a 4xx/5xx as a failed request too; Pacer makes it the step's verdict, so
/// an unexpected 404 never passes silently: assert <c>status == 404</c> when it is expected);</item>
/// <item>captures: a path that finds nothing;</item>
/// <item>the other assertions;</item>
/// <item><c>duration &lt;</c> budgets, on the latency the driver measured (with <c>--soft-budgets</c>, warnings).</item>
/// </list>
/// Soft assertions never fail a step; each one that does not hold is a warning. Found captures are
/// stored in the scope whatever the verdict. Given a <see cref="StepJudgement"/>, every check is
/// evaluated and recorded (for reports); without one, judging stops at the first failure and a
/// passing step allocates nothing (the load path). The verdict is the same either way.
/// </summary>
public static class StepJudge
{
    public static StepVerdict Judge(
        StepPlan step,
        in ExchangeOutcome exchange,
        long latencyNanoseconds,
        VariableScope scope,
        BuiltInVariables builtIns,
        bool softBudgets,
        Span<bool> captured,
        StepJudgement? details = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(scope);
        if (exchange.TransportFailure is { } transport)
        {
            return new StepVerdict(transport, exchange.FailureMessage ?? FailureKindNames.Of(transport), 0);
        }

        var status = exchange.Status;
        var response = exchange.Response;
        FailureKind? kind = null;
        string? message = null;

        // 2. Status.
        foreach (var check in step.StatusChecks)
        {
            var passed = check.Passes(status);
            details?.Add(AssertionEvaluator.Evaluate(check.Assertion, WithLatency(response, latencyNanoseconds, status), scope, builtIns) with { Passed = passed });
            if (!passed && kind is null)
            {
                (kind, message) = (StatusKind(status) ?? FailureKind.AssertionFailed, $"{check.Assertion.Text}: got {status}");
                if (details is null)
                {
                    return new StepVerdict(kind, message, 0);
                }
            }
        }

        foreach (var assertion in step.StatusAssertions)
        {
            var outcome = AssertionEvaluator.Evaluate(assertion, response!, scope, builtIns);
            details?.Add(outcome);
            if (!outcome.Passed && kind is null)
            {
                (kind, message) = (StatusKind(status) ?? FailureKind.AssertionFailed, Describe(outcome));
                if (details is null)
                {
                    return new StepVerdict(kind, message, 0);
                }
            }
        }

        if (!step.HasStatusAssertion && StatusKind(status) is { } unexpected && kind is null)
        {
            (kind, message) = (unexpected, $"HTTP {status}: a step without a status assertion passes only below 400 (assert `status == {status}` if it is expected)");
            if (details is null)
            {
                return new StepVerdict(kind, message, 0);
            }
        }

        // 3. Captures: all of them, so the sequence knows which values later steps can have.
        for (var i = 0; i < step.Captures.Length; i++)
        {
            var outcome = CaptureEvaluator.Evaluate(step.Captures[i], response!);
            details?.Add(outcome);
            captured[i] = outcome.Found;
            if (outcome.Found)
            {
                scope.SetCaptured(outcome.Capture.Name, outcome.Value);
            }
            else if (kind is null)
            {
                (kind, message) = (FailureKind.CaptureFailed, $"could not capture {outcome.Capture.Name} ({outcome.Capture.Path.Text}): {outcome.Error}");
            }
        }

        if (kind is not null && details is null)
        {
            return new StepVerdict(kind, message, 0);
        }

        // 4. The other assertions.
        foreach (var assertion in step.Assertions)
        {
            var outcome = AssertionEvaluator.Evaluate(assertion, WithLatency(response, latencyNanoseconds), scope, builtIns);
            details?.Add(outcome);
            if (!outcome.Passed && kind is null)
            {
                (kind, message) = (FailureKind.AssertionFailed, Describe(outcome));
                if (details is null)
                {
                    return new StepVerdict(kind, message, 0);
                }
            }
        }

        // 5. Budgets, unless they are soft for this run.
        var warnings = 0;
        foreach (var budget in step.Budgets)
        {
            var met = budget.IsMetBy(latencyNanoseconds);
            details?.Add(BudgetOutcome(budget, met, latencyNanoseconds, soft: softBudgets));
            if (met)
            {
                continue;
            }

            if (softBudgets)
            {
                warnings++;
            }
            else if (kind is null)
            {
                (kind, message) = (FailureKind.BudgetMissed, $"{budget.Assertion.Text}: took {Flow.DurationSyntax.Format(latencyNanoseconds)}");
                if (details is null)
                {
                    return new StepVerdict(kind, message, 0);
                }
            }
        }

        // Soft assertions: warnings. The load path counts them on passing steps only (details is null).
        if (details is not null || kind is null)
        {
            foreach (var budget in step.SoftBudgets)
            {
                var met = budget.IsMetBy(latencyNanoseconds);
                details?.Add(BudgetOutcome(budget, met, latencyNanoseconds, soft: true));
                warnings += met ? 0 : 1;
            }

            foreach (var assertion in step.SoftAssertions)
            {
                var outcome = AssertionEvaluator.Evaluate(assertion, WithLatency(response, latencyNanoseconds), scope, builtIns);
                details?.Add(outcome);
                warnings += outcome.Passed ? 0 : 1;
            }
        }

        return new StepVerdict(kind, message, warnings);
    }

    /// <summary>A step whose request could not be built (an undefined variable at run time, no base URL).</summary>
    public static StepVerdict NotBuilt(string reason) => new(FailureKind.RequestNotBuilt, reason, 0);

    private static FailureKind? StatusKind(int status) => status switch
    {
        >= 500 => FailureKind.ServerError5xx,
        >= 400 => FailureKind.ClientError4xx,
        _ => null,
    };

    private static string Describe(AssertionOutcome outcome) =>
        outcome.Message ?? $"{outcome.Assertion.Text}: expected {outcome.Expected}, got {outcome.Actual}";

    // Assertions on `duration` read the latency the driver measured: under the open model it counts
    // from the iteration's scheduled start, not from when the request happened to be sent.
    private static ResponseSnapshot WithLatency(ResponseSnapshot? response, long latencyNanoseconds, int status = 0)
    {
        var duration = TimeSpan.FromTicks(latencyNanoseconds / 100);
        return response is null ? new ResponseSnapshot(status, [], "", duration)
            : response.Duration == duration ? response
            : response.WithDuration(duration);
    }

    private static AssertionOutcome BudgetOutcome(Budget budget, bool met, long latencyNanoseconds, bool soft) =>
        new(soft && !budget.Assertion.IsSoft ? budget.Assertion with { IsSoft = true } : budget.Assertion,
            met,
            $"{(budget.Inclusive ? "<=" : "<")} {Flow.DurationSyntax.Format(budget.LimitNanoseconds)}",
            Flow.DurationSyntax.Format(latencyNanoseconds),
            met ? null : $"{budget.Assertion.Text}: took {Flow.DurationSyntax.Format(latencyNanoseconds)}");
}

/// <summary>How one attempt of a step was judged: <see cref="Failure"/> is null when it passed.</summary>
public readonly record struct StepVerdict(FailureKind? Failure, string? Message, int Warnings)
{
    public bool Passed => Failure is null;
}

/// <summary>Every check of one attempt, in the order judged, for reports (<c>pacer run</c> shows them all).</summary>
public sealed class StepJudgement
{
    private readonly List<AssertionOutcome> _assertions = [];
    private readonly List<CaptureOutcome> _captures = [];

    /// <summary>Every assertion's outcome in file order (they are judged status first, budgets last).</summary>
    public IReadOnlyList<AssertionOutcome> Assertions =>
        [.. _assertions.OrderBy(a => a.Assertion.Span.Line).ThenBy(a => a.Assertion.Span.Column)];

    public IReadOnlyList<CaptureOutcome> Captures => _captures;

    internal void Add(AssertionOutcome outcome) => _assertions.Add(outcome);

    internal void Add(CaptureOutcome outcome) => _captures.Add(outcome);
}
