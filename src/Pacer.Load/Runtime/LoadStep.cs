using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Http.Engine;
using Pacer.Core.Templating;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// One flow step compiled for load: its unique name, its recorder (looked up once), its
/// <c>duration &lt;</c> budget taken out of the assertions, the status checks that need no response
/// object, and — for a step without variables — the request rendered and serialised once for all VUs.
/// </summary>
public sealed class LoadStep
{
    internal LoadStep(string name, string flow, StepNode node, StepRecorder recorder, ThinkTime? think, string? baseUrl)
    {
        Name = name;
        Flow = flow;
        Node = node;
        Recorder = recorder;
        Think = node.Options.Extra.TryGetValue("think", out var text) && text.Length > 0 ? ThinkTime.Parse(text) : think;
        Timeout = node.Options.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        var others = new List<AssertionNode>();
        var statusChecks = new List<StatusCheck>();
        var soft = new List<AssertionNode>();
        foreach (var assertion in node.Assertions.Where(a => a.IsSoft))
        {
            if (SlaBudget(assertion) is { } budget)
            {
                SoftBudgetNanoseconds = Math.Min(SoftBudgetNanoseconds ?? long.MaxValue, budget);
            }
            else
            {
                soft.Add(assertion);
            }
        }

        foreach (var assertion in node.Assertions.Where(a => !a.IsSoft))
        {
            if (SlaBudget(assertion) is { } budget)
            {
                // Several budgets on one step: the tightest one is the SLA.
                SlaBudgetNanoseconds = Math.Min(SlaBudgetNanoseconds ?? long.MaxValue, budget);
            }
            else if (StatusCheck.TryCreate(assertion) is { } check)
            {
                statusChecks.Add(check);
            }
            else
            {
                others.Add(assertion);
            }
        }

        StatusChecks = [.. statusChecks];
        OtherAssertions = [.. others];
        SoftAssertions = [.. soft];
        HasStatusAssertion = statusChecks.Count > 0 || others.Any(a => a.Subject.Root == PathRoot.Status);
        var read = others.Concat(soft).ToList();
        NeedsResponse = read.Count > 0 || node.Captures.Count > 0;
        NeedsBody = read.Any(a => a.Subject.Root == PathRoot.Body) || node.Captures.Any(c => c.Path.Root == PathRoot.Body);
        HeaderNames = [.. read.Select(a => a.Subject).Concat(node.Captures.Select(c => c.Path))
            .Where(p => p.Root == PathRoot.Header && p.HeaderName is not null).Select(p => p.HeaderName!).Distinct(StringComparer.OrdinalIgnoreCase)];

        if (IsLiteral(node))
        {
            var built = RequestBuilder.Build(node, baseUrl, new VariableScope(), BuiltInVariables.CreateDefault());
            LiteralRequest = built.Request;
            if (built.Request is { } request && EngineRequest.TryCreate(request) is { } prepared)
            {
                LiteralEngineRequest = prepared;
            }
        }
    }

    /// <summary>The name thresholds use (<c>step[Name]</c>): the step's, or <c>flow/step</c> when two flows share it.</summary>
    public string Name { get; }

    public string Flow { get; }

    public StepNode Node { get; }

    public StepRecorder Recorder { get; }

    /// <summary>The pause after this step: its own <c>@think</c>, else the run's.</summary>
    public ThinkTime? Think { get; }

    /// <summary>The step's <c>@timeout</c>, when it has one (else the run's <c>--timeout</c>).</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>The step's tightest <c>duration &lt;</c> budget in nanoseconds; null when it has none.</summary>
    public long? SlaBudgetNanoseconds { get; }

    // Arrays, not IReadOnlyList: these are walked on every request, and foreach over an interface
    // boxes its enumerator (an allocation per request).
    internal StatusCheck[] StatusChecks { get; }

    internal AssertionNode[] OtherAssertions { get; }

    /// <summary>
    /// <c>[Soft Asserts]</c> other than budgets: as in <c>pacer run</c> they never fail a request;
    /// each one that does not hold counts as a warning.
    /// </summary>
    internal AssertionNode[] SoftAssertions { get; }

    /// <summary>The tightest soft <c>duration &lt;</c> budget in nanoseconds: a slower request counts a warning, not an SLA violation.</summary>
    public long? SoftBudgetNanoseconds { get; }

    /// <summary>When a status assertion exists it decides whether a 4xx/5xx is expected; without one, any 4xx/5xx is a failure.</summary>
    public bool HasStatusAssertion { get; }

    /// <summary>Captures or assertions beyond status checks: a response object must be built.</summary>
    public bool NeedsResponse { get; }

    public bool NeedsBody { get; }

    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>The rendered request when the step has no variables or built-ins (same for every VU).</summary>
    public RequestSummary? LiteralRequest { get; }

    internal EngineRequest? LiteralEngineRequest { get; }

    private static long? SlaBudget(AssertionNode assertion)
    {
        if (assertion.Subject.Root != PathRoot.Duration || assertion.Operator is not (AssertOperator.Less or AssertOperator.LessOrEqual))
        {
            return null;
        }

        double? milliseconds = assertion.Expected switch
        {
            DurationOperand duration => duration.Milliseconds,
            LiteralOperand { Value: System.Text.Json.Nodes.JsonValue value } when value.TryGetValue<double>(out var number) => number,
            _ => null,
        };
        return milliseconds is { } ms ? (long)(ms * 1_000_000) : null;
    }

    private static bool IsLiteral(StepNode node) =>
        node.Url.IsLiteral
        && node.Headers.All(h => h.Value.IsLiteral)
        && node.Queries.All(q => q.Value.IsLiteral)
        && (node.Body is null || node.Body.IsLiteral);
}
