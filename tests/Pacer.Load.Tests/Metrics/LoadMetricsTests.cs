using Pacer.Core.Judge;
using Pacer.Load.Metrics;
using Pacer.Load.Results;
using Xunit;

namespace Pacer.Load.Tests.Metrics;

/// <summary>Requests are recorded once, against their step; the run's totals are the steps merged.</summary>
public sealed class LoadMetricsTests
{
    [Fact]
    public void The_run_totals_are_every_step_merged_exactly()
    {
        var metrics = new LoadMetrics();
        var all = new LatencyHistogram();
        var random = new Random(7);
        foreach (var (step, count) in new[] { ("Login", 300), ("Browse", 700) })
        {
            var recorder = metrics.Step(step);
            for (var i = 0; i < count; i++)
            {
                var nanoseconds = random.NextInt64(50_000, 900_000_000);
                recorder.RecordNanoseconds(nanoseconds, i % 100 == 0 ? FailureKind.ServerError5xx : null);
                recorder.RecordBytes(100, 10);
                all.RecordNanoseconds(nanoseconds);
            }

            recorder.RecordSlaViolation();
        }

        var overall = metrics.Snapshot(TimeSpan.FromSeconds(10)).Overall;

        Assert.Equal(1000, overall.Requests);
        Assert.Equal(10, overall.Failures[FailureKind.ServerError5xx]);
        Assert.Equal((100_000L, 10_000L, 2L), (overall.BytesIn, overall.BytesOut, overall.SlaViolations));
        Assert.Equal(LatencyMilliseconds.From(all), LatencyMilliseconds.From(overall.Latency));
    }

    [Fact]
    public void The_run_keeps_one_failure_sample_of_each_kind_across_steps()
    {
        var metrics = new LoadMetrics();
        foreach (var step in new[] { "A", "B" })
        {
            var recorder = metrics.Step(step);
            recorder.RecordNanoseconds(1_000_000, FailureKind.Timeout);
            recorder.OfferSample(FailureKind.Timeout, new FailureSample { Kind = "timeout", Message = $"{step} timed out" });
        }

        var overall = metrics.Snapshot(TimeSpan.FromSeconds(1)).Overall;

        Assert.Equal("timeout", Assert.Single(overall.Samples).Kind);
        Assert.Equal(2, overall.Failures[FailureKind.Timeout]);
    }
}
