using Pacer.Core.Plan;
using System.Globalization;
using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Reports.Tests.Html;

/// <summary>
/// A load result built the way a run builds one: every request's latency recorded into real
/// <see cref="LatencyHistogram"/>s (overall, per step, per second), and every percentile in the
/// result read back from them. Seeded, so the same numbers come out every time: a ramp to 40
/// VUs, a hold, a ramp down, and a burst of 503s from Checkout in the middle.
/// </summary>
internal static class SampleLoad
{
    private static readonly (string Name, string Method, string Url, double MedianMs, double? BudgetMs)[] StepShapes =
    [
        ("Login", "POST", "/api/auth/login", 18, 100),
        ("Browse catalog", "GET", "/api/products?page={{page}}", 9, 50),
        ("Add to cart", "POST", "/api/cart/items", 14, null),
        ("Checkout", "POST", "/api/orders", 42, 150),
    ];

    public static LoadResult Create(int seconds = 60, string checkoutErrorBody = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"Payment provider unavailable","status":503}""")
    {
        var random = new Random(20261122);
        var overall = new LatencyHistogram();
        var iterations = new LatencyHistogram();
        var steps = StepShapes.Select(_ => new LatencyHistogram()).ToArray();
        var stepFailures = StepShapes.Select(_ => new Dictionary<string, long>()).ToArray();
        var slaViolations = new long[StepShapes.Length];
        var points = new List<LoadTimePoint>();
        long requests = 0, failures = 0, completed = 0;
        for (var second = 0; second < seconds; second++)
        {
            var vus = VusAt(second, seconds);
            var perSecond = new LatencyHistogram();
            long errors = 0;
            var loadFactor = 1 + (vus / 40.0 * 0.8);
            for (var iteration = 0; iteration < vus * 3; iteration++)
            {
                double iterationMs = 0;
                for (var s = 0; s < StepShapes.Length; s++)
                {
                    var ms = LogNormal(random, StepShapes[s].MedianMs * loadFactor, 0.45);
                    var nanoseconds = (long)(ms * 1e6);
                    overall.RecordNanoseconds(nanoseconds);
                    steps[s].RecordNanoseconds(nanoseconds);
                    perSecond.RecordNanoseconds(nanoseconds);
                    iterationMs += ms;
                    requests++;
                    if (StepShapes[s].BudgetMs is { } budget && ms > budget)
                    {
                        slaViolations[s]++;
                    }

                    var kind = FailureOf(random, s, second, seconds);
                    if (kind is not null)
                    {
                        errors++;
                        failures++;
                        stepFailures[s][kind] = stepFailures[s].GetValueOrDefault(kind) + 1;
                    }
                }

                iterations.RecordNanoseconds((long)(iterationMs * 1e6));
                completed++;
            }

            points.Add(new LoadTimePoint
            {
                Second = second,
                Requests = perSecond.Count,
                Errors = errors,
                P50Ms = perSecond.ValueAtPercentile(50) / 1e6,
                P95Ms = perSecond.ValueAtPercentile(95) / 1e6,
                P99Ms = perSecond.ValueAtPercentile(99) / 1e6,
                Vus = vus,
            });
        }

        var started = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
        var stepResults = StepShapes.Select((shape, s) => new LoadStepResult
        {
            Name = shape.Name,
            Flow = "examples/storefront/checkout.flow.md",
            Method = shape.Method,
            Url = shape.Url,
            Requests = steps[s].Count,
            Failures = stepFailures[s].Values.Sum(),
            Rps = steps[s].Count / (double)seconds,
            ErrorRate = stepFailures[s].Values.Sum() / (double)steps[s].Count,
            FailuresByKind = stepFailures[s],
            LatencyMs = Milliseconds(steps[s]),
            BytesIn = steps[s].Count * 612,
            BytesOut = steps[s].Count * 148,
            Sla = shape.BudgetMs is { } budget ? new SlaResult { BudgetMs = budget, Violations = slaViolations[s] } : null,
            Samples = [.. stepFailures[s].Keys.Order(StringComparer.Ordinal).Select(kind => Sample(kind, checkoutErrorBody))],
        }).ToList();
        var summary = new LoadResultSummary
        {
            Requests = requests,
            Failures = failures,
            Rps = requests / (double)seconds,
            ErrorRate = failures / (double)requests,
            FailuresByKind = stepFailures.SelectMany(f => f).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value)),
            LatencyMs = Milliseconds(overall),
            BytesIn = stepResults.Sum(s => s.BytesIn),
            BytesOut = stepResults.Sum(s => s.BytesOut),
            Iterations = new IterationCounts { Started = completed, Completed = completed },
            IterationDurationMs = Milliseconds(iterations),
            PeakVus = points.Max(p => p.Vus),
            SlaViolations = slaViolations.Sum(),
        };
        var thresholds = new List<ThresholdOutcome>
        {
            Threshold("p95<250ms", null, "p95", summary.LatencyMs.P95, summary.LatencyMs.P95 < 250, Ms(summary.LatencyMs.P95)),
            Threshold("errors<1%", null, "errors", summary.ErrorRate, summary.ErrorRate < 0.01, (summary.ErrorRate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"),
            Threshold("step[Checkout].p99<400ms", "Checkout", "p99", stepResults[3].LatencyMs.P99, stepResults[3].LatencyMs.P99 < 400, Ms(stepResults[3].LatencyMs.P99)),
        };
        return new LoadResult
        {
            StartedAt = started,
            EndedAt = started.AddSeconds(seconds),
            DurationSeconds = seconds,
            Flows = ["examples/storefront/checkout.flow.md"],
            Environment = "staging",
            Executor = new LoadExecutorInfo { Type = "ramping-vus", Settings = new Dictionary<string, string> { ["stages"] = "15s:0->40,30s:40,15s:40->0" } },
            Transport = new LoadTransportInfo { Kind = "engine" },
            Passed = thresholds.All(t => t.Passed),
            Summary = summary,
            Steps = stepResults,
            Thresholds = thresholds,
            TimeSeries = points,
            Histograms = new LoadResultHistograms
            {
                Overall = overall.ToData(),
                Iterations = iterations.ToData(),
                Steps = StepShapes.Select((shape, s) => (shape.Name, Data: steps[s].ToData())).ToDictionary(p => p.Name, p => p.Data),
            },
        };
    }

    private static int VusAt(int second, int seconds)
    {
        var ramp = Math.Max(1, seconds / 4);
        return second < ramp ? 2 + (38 * second / ramp) : second >= seconds - ramp ? 2 + (38 * (seconds - 1 - second) / ramp) : 40;
    }

    private static string? FailureOf(Random random, int step, int second, int seconds)
    {
        var roll = random.NextDouble();
        var burst = second >= seconds * 0.55 && second < seconds * 0.65;
        return step switch
        {
            3 when burst && roll < 0.25 => "5xx",
            3 when roll < 0.002 => "timeout",
            2 when roll < 0.004 => "4xx",
            _ => null,
        };
    }

    private static FailureSample Sample(string kind, string checkoutErrorBody) => kind switch
    {
        "5xx" => new FailureSample { Kind = kind, Status = 503, Message = "503 Service Unavailable", Body = checkoutErrorBody },
        "4xx" => new FailureSample { Kind = kind, Status = 409, Message = "status == 201 failed: 409", Body = """{"title":"Out of stock","detail":"SKU SF-1042 has 0 units left"}""" },
        _ => new FailureSample { Kind = kind, Message = "no response within 5s" },
    };

    private static double LogNormal(Random random, double medianMs, double sigma)
    {
        // Box–Muller: a normal draw, exponentiated, gives the long right tail real latencies have.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return medianMs * Math.Exp(sigma * normal);
    }

    private static LatencyMilliseconds Milliseconds(LatencyHistogram histogram)
    {
        var s = histogram.Summarize();
        return new LatencyMilliseconds
        {
            Min = s.Min / 1e6,
            P50 = s.P50 / 1e6,
            P90 = s.P90 / 1e6,
            P95 = s.P95 / 1e6,
            P99 = s.P99 / 1e6,
            P999 = s.P999 / 1e6,
            Max = s.Max / 1e6,
            Mean = s.Mean / 1e6,
        };
    }

    private static ThresholdOutcome Threshold(string text, string? step, string metric, double actual, bool passed, string actualText) =>
        new() { Text = text, Step = step, Metric = metric, Actual = actual, Passed = passed, ActualText = actualText };

    private static string Ms(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "ms";
}
