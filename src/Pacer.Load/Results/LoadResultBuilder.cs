using Pacer.Core.Judge;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Thresholds;

namespace Pacer.Load.Results;

/// <summary>
/// Turns what a run measured (a <see cref="LoadSummary"/> snapshot, threshold verdicts, the time
/// series, the executors' counts) into the <see cref="LoadResult"/> of the result file: latency in
/// milliseconds for people, histograms in nanoseconds for merging, failure kinds by their file names.
/// </summary>
public sealed class LoadResultBuilder
{
    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset EndedAt { get; init; }

    public required LoadSummary Summary { get; init; }

    public IReadOnlyList<string> Flows { get; init; } = [];

    public string? Environment { get; init; }

    public LoadExecutorInfo Executor { get; init; } = new();

    public LoadTransportInfo Transport { get; init; } = new();

    public LoadClientInfo Client { get; init; } = new();

    public string? Aborted { get; init; }

    /// <summary>Per step, in run order: what the step is (flow, method, URL template) and its SLA budget.</summary>
    public IReadOnlyList<StepDescription> Steps { get; init; } = [];

    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>The <c>@once</c> steps that ran before the load, in order.</summary>
    public IReadOnlyList<SetupStepResult> Setup { get; init; } = [];

    public IReadOnlyList<TimeSeriesPoint> TimeSeries { get; init; } = [];

    /// <summary>Each step's seconds, by step name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StepSecond>> StepTimeSeries { get; init; } = new Dictionary<string, IReadOnlyList<StepSecond>>();

    /// <summary>Open model: the iterations per second due over a second (its number, its length); null for the closed model.</summary>
    public Func<long, double, double?>? TargetRate { get; init; }

    public LatencyHistogram? IterationDurations { get; init; }

    /// <summary>The executors' counts, summed over flows.</summary>
    public ExecutorResult? Iterations { get; init; }

    public LoadResult Build()
    {
        var seconds = Summary.Elapsed.TotalSeconds;
        var steps = Steps.Select(step => BuildStep(step, seconds)).ToList();
        var overall = Summary.Overall;
        var thresholds = Thresholds.Select(ToOutcome).ToList();
        return new LoadResult
        {
            StartedAt = StartedAt,
            EndedAt = EndedAt,
            DurationSeconds = seconds,
            Flows = Flows,
            Environment = Environment,
            Executor = Executor,
            Transport = Transport,
            Client = Client,
            Aborted = Aborted,
            Passed = Aborted is null && thresholds.All(t => t.Passed) && Setup.All(s => s.Passed),
            Setup = Setup,
            Summary = new LoadResultSummary
            {
                Requests = overall.Requests,
                Failures = overall.FailureCount,
                Rps = Rate(overall.Requests, seconds),
                ErrorRate = overall.ErrorRate,
                FailuresByKind = ByKind(overall),
                LatencyMs = LatencyMilliseconds.From(overall.Latency),
                BytesIn = overall.BytesIn,
                BytesOut = overall.BytesOut,
                Iterations = new IterationCounts
                {
                    Started = Iterations?.Started ?? 0,
                    Completed = Iterations?.Completed ?? 0,
                    Failed = Iterations?.Failed ?? 0,
                    Dropped = Iterations?.Dropped ?? Summary.DroppedIterations,
                },
                IterationDurationMs = IterationDurations is null ? new LatencyMilliseconds() : LatencyMilliseconds.From(IterationDurations),
                PeakVus = Iterations?.PeakVus ?? 0,
                SlaViolations = overall.SlaViolations,
                Warnings = overall.Warnings,
                Retries = overall.Retries,
                Checks = Checks.Of(overall),
                StatusCodes = Statuses(overall),
            },
            Steps = steps,
            Thresholds = thresholds,
            TimeSeries = [.. TimeSeries.Select(p => new LoadTimePoint
            {
                Second = p.Second,
                Requests = p.Requests,
                Errors = p.Errors,
                P50Ms = LatencySummary.ToMilliseconds(p.P50),
                P95Ms = LatencySummary.ToMilliseconds(p.P95),
                P99Ms = LatencySummary.ToMilliseconds(p.P99),
                Vus = p.ActiveVus,
                Iterations = p.Iterations,
                Dropped = p.Dropped,
                TargetRate = TargetRate?.Invoke(p.Second, p.LengthSeconds),
                LengthSeconds = p.LengthSeconds,
            })],
            Histograms = new LoadResultHistograms
            {
                Overall = overall.Latency.ToData(),
                Iterations = IterationDurations?.ToData(),
                Steps = Steps
                    .Where(s => Summary.Steps.ContainsKey(s.Name))
                    .ToDictionary(s => s.Name, s => Summary.Steps[s.Name].Latency.ToData(), StringComparer.Ordinal),
            },
        };
    }

    /// <summary>A threshold verdict as the file writes it: latency actuals in milliseconds.</summary>
    public static ThresholdOutcome ToOutcome(ThresholdResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var threshold = result.Threshold;
        return new ThresholdOutcome
        {
            Text = threshold.Text,
            Step = threshold.Step,
            Metric = MetricName(threshold.Metric),
            Passed = result.Passed,
            Actual = result.Actual is { } actual && threshold.IsLatency ? actual / 1_000_000 : result.Actual,
            ActualText = result.ActualText,
            Implicit = threshold.Implicit,
        };
    }

    private LoadStepResult BuildStep(StepDescription step, double seconds)
    {
        var metrics = Summary.Steps.TryGetValue(step.Name, out var found) ? found : null;
        return new LoadStepResult
        {
            Name = step.Name,
            Flow = step.Flow,
            Method = step.Method,
            Url = step.Url,
            Requests = metrics?.Requests ?? 0,
            Failures = metrics?.FailureCount ?? 0,
            Rps = Rate(metrics?.Requests ?? 0, seconds),
            ErrorRate = metrics?.ErrorRate ?? 0,
            FailuresByKind = metrics is null ? new Dictionary<string, long>() : ByKind(metrics),
            LatencyMs = metrics is null ? new LatencyMilliseconds() : LatencyMilliseconds.From(metrics.Latency),
            BytesIn = metrics?.BytesIn ?? 0,
            BytesOut = metrics?.BytesOut ?? 0,
            Sla = step.SlaBudgetMs is { } budget ? new SlaResult { BudgetMs = budget, Violations = metrics?.SlaViolations ?? 0, Succeeded = metrics?.Succeeded ?? 0 } : null,
            Warnings = metrics?.Warnings ?? 0,
            Retries = metrics?.Retries ?? 0,
            Checks = metrics is null ? new Checks() : Checks.Of(metrics),
            Samples = metrics?.Samples ?? [],
            StatusCodes = metrics is null ? new Dictionary<string, long>() : Statuses(metrics),
            TimeSeries = StepTimeSeries.TryGetValue(step.Name, out var stepSeconds)
                ? [.. stepSeconds.Select(p => new LoadStepTimePoint
                {
                    Second = p.Second,
                    Requests = p.Requests,
                    Errors = p.Errors,
                    P50Ms = LatencySummary.ToMilliseconds(p.P50),
                    P95Ms = LatencySummary.ToMilliseconds(p.P95),
                    P99Ms = LatencySummary.ToMilliseconds(p.P99),
                })]
                : [],
        };
    }

    /// <summary>Status codes as the file writes them: <c>"200"</c> → count, in status order.</summary>
    public static IReadOnlyDictionary<string, long> Statuses(StepMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var statuses = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in metrics.StatusCodes.OrderBy(pair => pair.Key))
        {
            statuses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
        }

        return statuses;
    }

    private static Dictionary<string, long> ByKind(StepMetrics metrics) =>
        metrics.Failures.ToDictionary(pair => FailureKindNames.Of(pair.Key), pair => pair.Value, StringComparer.Ordinal);

    private static double Rate(long count, double seconds) => seconds <= 0 ? 0 : count / seconds;

    private static string MetricName(ThresholdMetric metric) => metric switch
    {
        ThresholdMetric.P999 => "p99.9",
        _ => metric.ToString().ToLowerInvariant(),
    };
}

/// <summary>What a step is, for its row in the result file.</summary>
public sealed record StepDescription(string Name, string Flow, string Method, string Url, double? SlaBudgetMs);
