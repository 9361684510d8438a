using Pacer.Core.Judge;
using Pacer.Load.Results;

namespace Pacer.Load.Metrics;

/// <summary>Lock-free counters and histogram for one step; many virtual users record into it at once.</summary>
public sealed class StepRecorder
{
    private readonly long[] _failures = new long[Enum.GetValues<FailureKind>().Length];
    private readonly FailureSample?[] _samples = new FailureSample?[Enum.GetValues<FailureKind>().Length];
    private long _requests;
    private long _bytesIn;
    private long _bytesOut;
    private long _slaViolations;
    private long _warnings;
    private long _retries;
    private long _checks;
    private long _checksPassed;
    private long _skipped;

    // One counter per HTTP status (100-999), indexed by the status itself: recording a response is
    // one Interlocked.Increment, no lookup and no allocation (8 KB per step).
    private readonly long[] _statuses = new long[StatusCodeCounts.Limit];

    public LatencyHistogram Latency { get; } = new();

    public void Record(TimeSpan latency, FailureKind? failure = null) =>
        RecordNanoseconds(latency.Ticks * 100, failure);

    public void RecordNanoseconds(long latencyNanoseconds, FailureKind? failure = null)
    {
        Interlocked.Increment(ref _requests);
        if (failure is { } kind)
        {
            Interlocked.Increment(ref _failures[(int)kind]);
        }

        Latency.RecordNanoseconds(latencyNanoseconds);
    }

    /// <summary>Counts a response with HTTP status <paramref name="status"/>; 0 (no response) and codes outside 100-999 are not counted.</summary>
    public void RecordStatus(int status)
    {
        if ((uint)(status - StatusCodeCounts.Lowest) < (uint)(StatusCodeCounts.Limit - StatusCodeCounts.Lowest))
        {
            Interlocked.Increment(ref _statuses[status]);
        }
    }

    /// <summary>Adds the bytes one request put on the wire and read back (head and body).</summary>
    public void RecordBytes(long bytesIn, long bytesOut)
    {
        Interlocked.Add(ref _bytesIn, bytesIn);
        Interlocked.Add(ref _bytesOut, bytesOut);
    }

    /// <summary>Counts a request slower than its step's <c>duration &lt;</c> budget.</summary>
    public void RecordSlaViolation() => Interlocked.Increment(ref _slaViolations);

    /// <summary>Counts soft assertions (<c>[Soft Asserts]</c>) that did not hold: warnings, never failures.</summary>
    public void RecordWarnings(int count) => Interlocked.Add(ref _warnings, count);

    public long Warnings => Volatile.Read(ref _warnings);

    /// <summary>Counts an attempt of a <c>@retry</c> step that failed and was sent again (its request is counted, not as a failure).</summary>
    public void RecordRetry() => Interlocked.Increment(ref _retries);

    public long Retries => Volatile.Read(ref _retries);

    /// <summary>
    /// Counts one run of the step in one iteration, as judged after its last attempt: a check, as k6
    /// calls it. A skipped step is a check that did not pass (as in <c>pacer run</c>, a flow with a
    /// skipped step has not passed).
    /// </summary>
    public void RecordCheck(bool passed)
    {
        Interlocked.Increment(ref _checks);
        if (passed)
        {
            Interlocked.Increment(ref _checksPassed);
        }
    }

    /// <summary>Counts the step not run in an iteration (a value it needs was not captured, setup failed).</summary>
    public void RecordSkipped()
    {
        Interlocked.Increment(ref _skipped);
        RecordCheck(passed: false);
    }

    /// <summary>True when no sample of <paramref name="kind"/> is kept yet: the caller may build one (only the first is kept, so building it is rare).</summary>
    public bool WantsSample(FailureKind kind) => Volatile.Read(ref _samples[(int)kind]) is null;

    /// <summary>Keeps <paramref name="sample"/> as the example of <paramref name="kind"/> unless one is already kept.</summary>
    public void OfferSample(FailureKind kind, FailureSample sample) =>
        Interlocked.CompareExchange(ref _samples[(int)kind], sample, null);

    public long BytesIn => Volatile.Read(ref _bytesIn);

    public long BytesOut => Volatile.Read(ref _bytesOut);

    public long SlaViolations => Volatile.Read(ref _slaViolations);

    public StepMetrics Snapshot()
    {
        var failures = new Dictionary<FailureKind, long>();
        var samples = new List<FailureSample>();
        foreach (var kind in Enum.GetValues<FailureKind>())
        {
            var count = Volatile.Read(ref _failures[(int)kind]);
            if (count != 0)
            {
                failures[kind] = count;
            }

            if (Volatile.Read(ref _samples[(int)kind]) is { } sample)
            {
                samples.Add(sample);
            }
        }

        return new StepMetrics(Volatile.Read(ref _requests), failures, Latency.Snapshot())
        {
            BytesIn = BytesIn,
            BytesOut = BytesOut,
            SlaViolations = SlaViolations,
            Warnings = Warnings,
            Retries = Retries,
            Checks = Volatile.Read(ref _checks),
            ChecksPassed = Volatile.Read(ref _checksPassed),
            Skipped = Volatile.Read(ref _skipped),
            Samples = samples,
            StatusCodes = StatusCodeCounts.Read(_statuses),
        };
    }
}
