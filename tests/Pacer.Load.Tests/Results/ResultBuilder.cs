using Pacer.Core.Plan;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Load.Tests.Results;

/// <summary>
/// Builds a <see cref="LoadResult"/> the way a run would: every request recorded into real
/// histograms (per step and overall), summary and steps read from them.
/// </summary>
internal sealed class ResultBuilder(DateTimeOffset startedAt, double durationSeconds, HistogramScheme? scheme = null)
{
    private readonly HistogramScheme _scheme = scheme ?? HistogramScheme.Default;
    private readonly Dictionary<string, StepData> _steps = new(StringComparer.Ordinal);
    private readonly List<string> _thresholds = [];
    private readonly List<LoadTimePoint> _timeSeries = [];

    public ResultBuilder Request(string step, long nanoseconds, string? failureKind = null)
    {
        if (!_steps.TryGetValue(step, out var data))
        {
            data = new StepData(new LatencyHistogram(_scheme));
            _steps[step] = data;
        }

        data.Latency.RecordNanoseconds(nanoseconds);
        data.Requests++;
        if (failureKind is not null)
        {
            data.Failures[failureKind] = data.Failures.GetValueOrDefault(failureKind) + 1;
        }

        return this;
    }

    public ResultBuilder Threshold(string text)
    {
        _thresholds.Add(text);
        return this;
    }

    public ResultBuilder Second(long second, long requests, int vus, double p95Ms = 10)
    {
        _timeSeries.Add(new LoadTimePoint { Second = second, Requests = requests, P50Ms = p95Ms / 2, P95Ms = p95Ms, P99Ms = p95Ms * 2, Vus = vus });
        return this;
    }

    public LoadResult Build(int peakVus = 1)
    {
        var overall = new LatencyHistogram(_scheme);
        foreach (var step in _steps.Values)
        {
            overall.Add(step.Latency);
        }

        var requests = _steps.Values.Sum(s => s.Requests);
        var failures = _steps.Values.Sum(s => s.Failures.Values.Sum());
        return new LoadResult
        {
            StartedAt = startedAt,
            EndedAt = startedAt.AddSeconds(durationSeconds),
            DurationSeconds = durationSeconds,
            Flows = ["shop.flow.md"],
            Executor = new LoadExecutorInfo { Type = "constant-vus", Settings = new Dictionary<string, string> { ["vus"] = "8" } },
            Passed = true,
            Summary = new LoadResultSummary
            {
                Requests = requests,
                Failures = failures,
                Rps = requests / durationSeconds,
                ErrorRate = requests == 0 ? 0 : (double)failures / requests,
                FailuresByKind = Kinds(_steps.Values.SelectMany(s => s.Failures)),
                LatencyMs = LatencyMilliseconds.From(overall),
                BytesIn = requests * 100,
                BytesOut = requests * 10,
                Iterations = new IterationCounts { Started = requests, Completed = requests - failures, Failed = failures, Dropped = 1 },
                PeakVus = peakVus,
                SlaViolations = 2,
            },
            Steps = [.. _steps.Select(pair => new LoadStepResult
            {
                Name = pair.Key,
                Method = "GET",
                Url = "/" + pair.Key.ToLowerInvariant(),
                Requests = pair.Value.Requests,
                Failures = pair.Value.Failures.Values.Sum(),
                FailuresByKind = Kinds(pair.Value.Failures),
                LatencyMs = LatencyMilliseconds.From(pair.Value.Latency),
                BytesIn = pair.Value.Requests * 100,
                BytesOut = pair.Value.Requests * 10,
                Sla = new SlaResult { BudgetMs = 200, Violations = 1 },
            })],
            Thresholds = [.. _thresholds.Select(text => new ThresholdOutcome { Text = text, Metric = "as-written", Passed = true, ActualText = "from the file" })],
            TimeSeries = _timeSeries,
            Histograms = new LoadResultHistograms
            {
                Overall = overall.ToData(),
                Steps = _steps.ToDictionary(pair => pair.Key, pair => pair.Value.Latency.ToData(), StringComparer.Ordinal),
            },
        };
    }

    private static Dictionary<string, long> Kinds(IEnumerable<KeyValuePair<string, long>> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    private sealed class StepData(LatencyHistogram latency)
    {
        public LatencyHistogram Latency { get; } = latency;

        public long Requests { get; set; }

        public Dictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);
    }
}
