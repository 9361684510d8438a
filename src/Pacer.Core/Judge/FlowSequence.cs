using Pacer.Core.Plan;

namespace Pacer.Core.Judge;

/// <summary>
/// What later steps do after a step fails, the same for every command. A failed step fails the flow,
/// and later steps still run, unless:
/// <list type="bullet">
/// <item>a value they use was not captured, because the step that should have captured it failed to
/// or was itself skipped (<c>--var</c> wins over a capture, so a value given there never holds a step back);</item>
/// <item>an <c>@once</c> step failed: setup is what everything after it stands on;</item>
/// <item><c>--fail-fast</c> is set and an earlier step failed.</item>
/// </list>
/// One instance follows one iteration at a time and is reused (<see cref="Reset"/>), so a load VU
/// allocates nothing for it on a step that runs.
/// </summary>
public sealed class FlowSequence
{
    private readonly bool[] _captured;
    private readonly bool[] _baseline;
    private readonly IReadOnlySet<string> _overridden;
    private readonly bool _failFast;
    private int _firstFailure;
    private int _failedSetup;

    public FlowSequence(FlowPlan plan, IReadOnlySet<string>? overridden = null, bool failFast = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _captured = new bool[plan.CaptureSlots];
        _baseline = new bool[plan.CaptureSlots];
        _overridden = overridden ?? new HashSet<string>();
        _failFast = failFast;
        Reset();
    }

    /// <summary>
    /// A sequence for the load's iterations after <paramref name="setup"/> ran the <c>@once</c> steps:
    /// what setup captured counts as captured in every iteration.
    /// </summary>
    public FlowSequence AfterSetup(FlowSequence setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup._captured.CopyTo(_baseline, 0);
        Reset();
        return this;
    }

    /// <summary>Starts a new iteration: nothing captured (but what setup captured), nothing failed.</summary>
    public void Reset()
    {
        _baseline.CopyTo(_captured, 0);
        _firstFailure = 0;
        _failedSetup = 0;
    }

    /// <summary>Why <paramref name="step"/> must not run now, or null when it may.</summary>
    public string? SkipReason(StepPlan step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_failedSetup > 0)
        {
            return $"setup step {_failedSetup} (@once) failed";
        }

        if (_failFast && _firstFailure > 0)
        {
            return $"--fail-fast: step {_firstFailure} failed";
        }

        var needs = step.Needs;
        for (var i = 0; i < needs.Count; i++)
        {
            var need = needs[i];
            if (!_captured[need.CaptureSlot] && !_overridden.Contains(need.Name))
            {
                return $"needs {need.Name} from step {need.FromStep}";
            }
        }

        return null;
    }

    /// <summary>Where the judge records which of <paramref name="step"/>'s captures it found (cleared for each attempt).</summary>
    public Span<bool> CapturesOf(StepPlan step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var slots = _captured.AsSpan(step.CaptureOffset, step.Captures.Length);
        slots.Clear();
        return slots;
    }

    /// <summary>Records how <paramref name="step"/> ended (after its last attempt, or skipped).</summary>
    public void Completed(StepPlan step, bool passed)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (passed)
        {
            return;
        }

        if (_firstFailure == 0)
        {
            _firstFailure = step.Number;
        }

        if (step.Once && _failedSetup == 0)
        {
            _failedSetup = step.Number;
        }
    }
}
