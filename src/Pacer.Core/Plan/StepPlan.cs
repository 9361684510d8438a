using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Judge;

namespace Pacer.Core.Plan;

/// <summary>
/// One step compiled once for every command: its directives as typed values, its checks sorted by
/// the order the judge applies them (status, captures, other assertions, <c>duration</c> budgets),
/// what of the response it reads, and which earlier steps' captures it cannot run without.
/// Arrays, not lists: the load path walks them on every request, and foreach over an interface
/// boxes its enumerator.
/// </summary>
public sealed class StepPlan
{
    internal StepPlan(StepNode node, int index, int captureOffset, IReadOnlyList<StepNeed> needs)
    {
        Node = node;
        Index = index;
        CaptureOffset = captureOffset;
        Needs = needs;
        Captures = [.. node.Captures];

        var statusChecks = new List<StatusCheck>();
        var statusAssertions = new List<AssertionNode>();
        var assertions = new List<AssertionNode>();
        var budgets = new List<Budget>();
        var soft = new List<AssertionNode>();
        var softBudgets = new List<Budget>();
        foreach (var assertion in node.Assertions)
        {
            var budget = Budget.TryCreate(assertion);
            if (assertion.IsSoft && budget is not null)
            {
                softBudgets.Add(budget);
            }
            else if (assertion.IsSoft)
            {
                soft.Add(assertion);
            }
            else if (budget is not null)
            {
                budgets.Add(budget);
            }
            else if (assertion.Subject.Root == PathRoot.Status && StatusCheck.TryCreate(assertion) is { } check)
            {
                statusChecks.Add(check);
            }
            else if (assertion.Subject.Root == PathRoot.Status)
            {
                statusAssertions.Add(assertion);
            }
            else
            {
                assertions.Add(assertion);
            }
        }

        StatusChecks = [.. statusChecks];
        StatusAssertions = [.. statusAssertions];
        Assertions = [.. assertions];
        Budgets = [.. budgets];
        SoftAssertions = [.. soft];
        SoftBudgets = [.. softBudgets];
        HasStatusAssertion = statusChecks.Count + statusAssertions.Count > 0;
        Budget = Budget.Tightest(budgets);
        SoftBudget = Budget.Tightest(softBudgets);

        var read = statusAssertions.Concat(assertions).Concat(soft).ToList();
        NeedsResponse = read.Count > 0 || Captures.Length > 0;
        NeedsBody = read.Any(a => a.Subject.Root == PathRoot.Body) || node.Captures.Any(c => c.Path.Root == PathRoot.Body);
        HeaderNames = [.. read.Select(a => a.Subject).Concat(node.Captures.Select(c => c.Path))
            .Where(p => p.Root == PathRoot.Header && p.HeaderName is not null).Select(p => p.HeaderName!).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public StepNode Node { get; }

    /// <summary>0-based position in the flow, <c>@once</c> steps included.</summary>
    public int Index { get; }

    /// <summary>1-based, as reports number steps.</summary>
    public int Number => Index + 1;

    public string Name => Node.Name;

    /// <summary><c>@once</c>: setup, run once before the load (and in order by <c>pacer run</c>).</summary>
    public bool Once => Node.Options.Once;

    public int Retry => Node.Options.Retry;

    public TimeSpan RetryWait => TimeSpan.FromMilliseconds(Math.Max(0, Node.Options.RetryWaitMs));

    /// <summary>The step's <c>@timeout</c>; null means the run's.</summary>
    public TimeSpan? Timeout => Node.Options.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>The step's own <c>@think</c>; null means the run's.</summary>
    public ThinkTime? Think => Node.Options.Think;

    public CaptureNode[] Captures { get; }

    /// <summary>Where this step's captures start in <see cref="FlowSequence"/>'s record of what was captured.</summary>
    internal int CaptureOffset { get; }

    /// <summary>The captures of earlier steps this step's templates use: when one was not captured, the step is skipped.</summary>
    public IReadOnlyList<StepNeed> Needs { get; }

    /// <summary><c>status</c> assertions against number literals: checked on the bare status code.</summary>
    public StatusCheck[] StatusChecks { get; }

    /// <summary>Other <c>status</c> assertions (templates, arithmetic): evaluated on the response.</summary>
    public AssertionNode[] StatusAssertions { get; }

    /// <summary>When false, the judge's status rule applies: a status of 400 or more fails the step.</summary>
    public bool HasStatusAssertion { get; }

    /// <summary>Every other hard assertion, in file order.</summary>
    public AssertionNode[] Assertions { get; }

    /// <summary>The step's hard <c>duration &lt;</c> assertions (and <c>@max-duration</c>).</summary>
    public Budget[] Budgets { get; }

    /// <summary>The tightest hard budget: the step's SLA. Null when it has none.</summary>
    public Budget? Budget { get; }

    /// <summary><c>[Soft Asserts]</c> other than budgets: warnings, never failures.</summary>
    public AssertionNode[] SoftAssertions { get; }

    public Budget[] SoftBudgets { get; }

    /// <summary>The tightest soft budget: a slower response is a warning.</summary>
    public Budget? SoftBudget { get; }

    /// <summary>Captures or assertions beyond status checks and budgets: a response object must be built.</summary>
    public bool NeedsResponse { get; }

    public bool NeedsBody { get; }

    /// <summary>The response headers its assertions and captures read.</summary>
    public IReadOnlyList<string> HeaderNames { get; }

    public override string ToString() => $"step {Number} ({Name})";
}

/// <summary>A value a step uses that an earlier step captures: the name, which step, and where its capture is recorded.</summary>
public sealed record StepNeed(string Name, int FromStep, int CaptureSlot);

/// <summary>
/// A <c>duration &lt; 500ms</c> budget (or <c>&lt;=</c>), judged on the latency the driver measured, in
/// nanoseconds, the same way by every command. Budgets written with a template are ordinary assertions.
/// </summary>
public sealed record Budget(AssertionNode Assertion, long LimitNanoseconds, bool Inclusive)
{
    public double LimitMilliseconds => LimitNanoseconds / 1e6;

    public bool IsMetBy(long latencyNanoseconds) => Inclusive ? latencyNanoseconds <= LimitNanoseconds : latencyNanoseconds < LimitNanoseconds;

    public static Budget? TryCreate(AssertionNode assertion)
    {
        if (assertion.Subject.Root != PathRoot.Duration || assertion.Subject.Segments.Count != 0 ||
            assertion.Operator is not (AssertOperator.Less or AssertOperator.LessOrEqual))
        {
            return null;
        }

        double? milliseconds = assertion.Expected switch
        {
            DurationOperand duration => duration.Milliseconds,
            LiteralOperand { Value: JsonValue value } when value.TryGetValue<double>(out var number) => number,
            LiteralOperand { Value: JsonValue value } when value.TryGetValue<long>(out var whole) => whole,
            _ => null,
        };
        return milliseconds is { } ms ? new Budget(assertion, (long)Math.Round(ms * 1_000_000), assertion.Operator == AssertOperator.LessOrEqual) : null;
    }

    /// <summary>The budget that fails first: the lowest limit, and of equal limits the exclusive one.</summary>
    public static Budget? Tightest(IReadOnlyList<Budget> budgets) =>
        budgets.OrderBy(b => b.LimitNanoseconds).ThenBy(b => b.Inclusive).FirstOrDefault();
}
