using Pacer.Core.Execution;
using Pacer.Core.Http;
using Pacer.Core.Plan;
using Pacer.Core.Templating;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// One step as the load runs it: its plan (what the judge reads), its unique name for metrics and
/// thresholds, its recorder and per-second channel (looked up once), its think time, and — for a step without variables — the
/// request rendered and serialised once for all VUs.
/// </summary>
public sealed class LoadStep
{
    internal LoadStep(string name, string flow, StepPlan plan, StepRecorder recorder, TimeSeriesChannel series, ThinkTime? think, string? baseUrl)
    {
        Name = name;
        Flow = flow;
        Plan = plan;
        Recorder = recorder;
        Series = series;
        Think = plan.Think ?? think;
        if (IsLiteral(plan))
        {
            var built = RequestBuilder.Build(plan.Node, baseUrl, new VariableScope(), BuiltInVariables.CreateDefault());
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

    public StepPlan Plan { get; }

    public StepRecorder Recorder { get; }

    /// <summary>The step's per-second latency and errors (the run's seconds are the steps' merged).</summary>
    public TimeSeriesChannel Series { get; }

    /// <summary>The pause after this step: its own <c>@think</c>, else the run's.</summary>
    public ThinkTime? Think { get; }

    /// <summary>The step's <c>@timeout</c>, when it has one (else the run's <c>--timeout</c>).</summary>
    public TimeSpan? Timeout => Plan.Timeout;

    /// <summary>The step's tightest <c>duration &lt;</c> budget in nanoseconds (its SLA); null when it has none.</summary>
    public long? SlaBudgetNanoseconds => Plan.Budget?.LimitNanoseconds;

    /// <summary>The tightest soft budget in nanoseconds: a slower request counts a warning.</summary>
    public long? SoftBudgetNanoseconds => Plan.SoftBudget?.LimitNanoseconds;

    /// <summary>The rendered request when the step has no variables or built-ins (same for every VU).</summary>
    public RequestSummary? LiteralRequest { get; }

    internal EngineRequest? LiteralEngineRequest { get; }

    private static bool IsLiteral(StepPlan plan) =>
        plan.Node.Url.IsLiteral
        && plan.Node.Headers.All(h => h.Value.IsLiteral)
        && plan.Node.Queries.All(q => q.Value.IsLiteral)
        && (plan.Node.Body is null || plan.Node.Body.IsLiteral);
}
