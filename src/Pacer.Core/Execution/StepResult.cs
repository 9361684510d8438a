using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Judge;

namespace Pacer.Core.Execution;

/// <summary>
/// Everything one step did, as reports read it. <see cref="Number"/> is the step's 1-based position
/// in its flow. <see cref="Reason"/> says in one line why a step failed or was skipped
/// (e.g. <c>connection refused to 127.0.0.1:5999</c>, <c>needs token from step 2</c>).
/// <see cref="Response"/> and <see cref="Assertions"/> are those of the last attempt.
/// </summary>
public sealed record StepResult(
    StepNode Step,
    int Number,
    StepStatus Status,
    string? Reason,
    RequestSummary? Request,
    ResponseSnapshot? Response,
    IReadOnlyList<AssertionOutcome> Assertions,
    IReadOnlyList<CaptureOutcome> Captures,
    TimeSpan Duration,
    int Attempts)
{
    public bool Passed => Status == StepStatus.Passed;

    /// <summary>Why the step failed, as <see cref="StepJudge"/> named it (or <see cref="FailureKind.Skipped"/>); null when it passed.</summary>
    public FailureKind? Failure { get; init; } = Status switch
    {
        StepStatus.Skipped => FailureKind.Skipped,
        _ => null,
    };

    /// <summary>Where the last attempt's time went (connect, TLS, waiting, receiving), as the engine measured it; zero from HttpClient.</summary>
    public Http.Engine.HttpPhaseTimings Timings { get; init; }

    /// <summary>True when the run was interrupted (Ctrl-C) before this step could finish.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Hard assertions that failed: these fail the step.</summary>
    public IEnumerable<AssertionOutcome> FailedAssertions => Assertions.Where(a => !a.Passed && !a.Assertion.IsSoft);

    /// <summary>Soft assertions that failed: reported as warnings, the step still passes.</summary>
    public IEnumerable<AssertionOutcome> Warnings => Assertions.Where(a => !a.Passed && a.Assertion.IsSoft);

    public static StepResult Skipped(StepNode step, int number, string reason) =>
        new(step, number, StepStatus.Skipped, reason, null, null, [], [], TimeSpan.Zero, 0);
}
