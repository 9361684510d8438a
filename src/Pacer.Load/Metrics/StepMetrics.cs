using Pacer.Core.Judge;
using Pacer.Load.Results;

namespace Pacer.Load.Metrics;

/// <summary>A read-only view of one step's (or the whole run's) requests, failures and latency.</summary>
public sealed record StepMetrics(long Requests, IReadOnlyDictionary<FailureKind, long> Failures, LatencyHistogram Latency)
{
    public long FailureCount => Failures.Values.Sum();

    /// <summary>Failed requests as a fraction of all requests (0 when nothing was sent).</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)FailureCount / Requests;

    public long BytesIn { get; init; }

    public long BytesOut { get; init; }

    /// <summary>Requests slower than the step's <c>duration &lt;</c> budget (not failures: see docs/load-engine.md).</summary>
    public long SlaViolations { get; init; }

    /// <summary>Soft assertions that did not hold (<c>[Soft Asserts]</c>, soft <c>duration</c> budgets): reported, never failures.</summary>
    public long Warnings { get; init; }

    /// <summary>Attempts of <c>@retry</c> steps that failed and were sent again: requests, not failures.</summary>
    public long Retries { get; init; }

    /// <summary>Runs of the step in iterations, each judged once (after its last attempt), skipped ones included.</summary>
    public long Checks { get; init; }

    public long ChecksPassed { get; init; }

    /// <summary>Passed checks as a fraction of all checks (0 when there were none).</summary>
    public double CheckRate => Checks == 0 ? 0 : (double)ChecksPassed / Checks;

    /// <summary>Times the step did not run in an iteration (counted as checks that did not pass).</summary>
    public long Skipped { get; init; }

    /// <summary>Requests that got a response the step accepted: what latency thresholds and SLAs need at least one of.</summary>
    public long Succeeded => Math.Max(0, Requests - FailureCount - Retries);

    /// <summary>Responses by HTTP status code (requests without a response are not in it).</summary>
    public IReadOnlyDictionary<int, long> StatusCodes { get; init; } = StatusCodeCounts.None;

    /// <summary>The first failure of each kind, as an example.</summary>
    public IReadOnlyList<FailureSample> Samples { get; init; } = [];

    /// <summary>The totals of several steps: counts added, histograms merged exactly, the first sample of each kind.</summary>
    public static StepMetrics Combine(IEnumerable<StepMetrics> parts)
    {
        var latency = new LatencyHistogram();
        var failures = new Dictionary<FailureKind, long>();
        var samples = new List<FailureSample>();
        var statuses = new List<IReadOnlyDictionary<int, long>>();
        long requests = 0, bytesIn = 0, bytesOut = 0, slaViolations = 0, warnings = 0, retries = 0, checks = 0, checksPassed = 0, skipped = 0;
        foreach (var part in parts)
        {
            requests += part.Requests;
            bytesIn += part.BytesIn;
            bytesOut += part.BytesOut;
            slaViolations += part.SlaViolations;
            warnings += part.Warnings;
            retries += part.Retries;
            checks += part.Checks;
            checksPassed += part.ChecksPassed;
            skipped += part.Skipped;
            latency.Add(part.Latency);
            statuses.Add(part.StatusCodes);
            foreach (var (kind, count) in part.Failures)
            {
                failures[kind] = failures.GetValueOrDefault(kind) + count;
            }

            samples.AddRange(part.Samples.Where(sample => !samples.Any(kept => kept.Kind == sample.Kind)));
        }

        return new StepMetrics(requests, failures, latency) { BytesIn = bytesIn, BytesOut = bytesOut, SlaViolations = slaViolations, Warnings = warnings, Retries = retries, Checks = checks, ChecksPassed = checksPassed, Skipped = skipped, Samples = samples, StatusCodes = StatusCodeCounts.Sum(statuses) };
    }
}
