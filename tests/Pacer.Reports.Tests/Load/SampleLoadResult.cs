using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Reports.Tests.Load;

/// <summary>
/// A finished load run with known numbers, built from real histograms: 12,000 requests over 10 s
/// on two steps (Login 2,000 at 20–40 ms with 30 5xx; Browse 10,000 at 5 ms), Login has a 30 ms
/// SLA it missed, and three thresholds of which one failed.
/// </summary>
internal static class SampleLoadResult
{
    public static LoadResult Create(string? aborted = null)
    {
        var login = new LatencyHistogram();
        var browse = new LatencyHistogram();
        for (var i = 0; i < 2000; i++)
        {
            login.RecordNanoseconds(20_000_000 + (i * 10_000));
        }

        for (var i = 0; i < 10_000; i++)
        {
            browse.RecordNanoseconds(5_000_000);
        }

        var overall = login.Snapshot();
        overall.Add(browse);
        var start = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        return new LoadResult
        {
            StartedAt = start,
            EndedAt = start.AddSeconds(10),
            DurationSeconds = 10,
            Flows = ["checkout.flow.md"],
            Executor = new LoadExecutorInfo { Type = "constant-vus", Settings = new Dictionary<string, string> { ["vus"] = "64", ["duration"] = "10s" } },
            Transport = new LoadTransportInfo { Kind = "httpclient", Reason = "the target is HTTP/2 only" },
            Aborted = aborted,
            Passed = false,
            Summary = new LoadResultSummary
            {
                Requests = 12_000,
                Failures = 30,
                Rps = 1200,
                ErrorRate = 0.0025,
                FailuresByKind = new Dictionary<string, long> { ["5xx"] = 30 },
                LatencyMs = LatencyMilliseconds.From(overall),
                BytesIn = 5 * 1024 * 1024,
                BytesOut = 700 * 1024,
                Iterations = new IterationCounts { Started = 2000, Completed = 1970, Failed = 30, Dropped = 4 },
                IterationDurationMs = LatencyMilliseconds.From(login),
                PeakVus = 64,
                SlaViolations = 1000,
            },
            Steps =
            [
                new LoadStepResult
                {
                    Name = "Login", Flow = "checkout.flow.md", Method = "POST", Url = "{{base}}/auth/login",
                    Requests = 2000, Failures = 30, Rps = 200, ErrorRate = 0.015,
                    FailuresByKind = new Dictionary<string, long> { ["5xx"] = 30 },
                    LatencyMs = LatencyMilliseconds.From(login),
                    Sla = new SlaResult { BudgetMs = 30, Violations = 1000 },
                    Samples = [new FailureSample { Kind = "5xx", Status = 503, Message = "HTTP 503", Body = "{\"error\": \"overloaded\"}" }],
                },
                new LoadStepResult
                {
                    Name = "Browse", Flow = "checkout.flow.md", Method = "GET", Url = "{{base}}/products",
                    Requests = 10_000, Rps = 1000,
                    LatencyMs = LatencyMilliseconds.From(browse),
                    Sla = new SlaResult { BudgetMs = 100, Violations = 0 },
                },
            ],
            Thresholds =
            [
                new ThresholdOutcome { Text = "p95<150ms", Metric = "p95", Passed = true, Actual = 33.9, ActualText = "33.9ms" },
                new ThresholdOutcome { Text = "errors<0.1%", Metric = "errors", Passed = false, Actual = 0.0025, ActualText = "0.25%" },
                new ThresholdOutcome { Text = "step[Login].p99 < 800ms", Step = "Login", Metric = "p99", Passed = true, Actual = 39.8, ActualText = "39.8ms" },
            ],
            TimeSeries = [new LoadTimePoint { Second = 0, Requests = 1200, P95Ms = 30, Vus = 64 }],
            Histograms = new LoadResultHistograms
            {
                Overall = overall.ToData(),
                Iterations = login.ToData(),
                Steps = new Dictionary<string, HistogramData> { ["Login"] = login.ToData(), ["Browse"] = browse.ToData() },
            },
        };
    }
}
