using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Executors;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void A_constant_rate_starts_iterations_evenly_from_time_zero()
    {
        var schedule = new ArrivalSchedule([new Stage(TimeSpan.FromSeconds(1), 10, 10)]);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromMilliseconds(i * 100)), schedule.StartOffsets());
    }

    [Fact]
    public void A_linear_ramp_from_zero_follows_the_integral_of_the_rate()
    {
        // Rate 0→10/s over 2 s: N(t) = 2.5·t², 10 iterations, the n-th at √(n/2.5).
        var schedule = new ArrivalSchedule([new Stage(TimeSpan.FromSeconds(2), 0, 10)]);

        var offsets = schedule.StartOffsets().ToList();

        Assert.Equal(10, offsets.Count);
        for (var n = 0; n < 10; n++)
        {
            Assert.Equal(Math.Sqrt(n / 2.5), offsets[n].TotalSeconds, 6);
        }
    }

    [Fact]
    public void Stages_chain_without_gaps_or_overlaps()
    {
        // 10/s held for 1 s, 10→20/s over 1 s (15 more), then 20→0/s over 1 s (10 more).
        var schedule = new ArrivalSchedule(StageParser.ParseRateStages("1s:10/s, 1s:10/s->20/s, 1s:0/s"));

        var offsets = schedule.StartOffsets().ToList();

        Assert.Equal(10 + 15 + 10, offsets.Count);
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(offsets.Count, offsets.Distinct().Count());
        Assert.All(offsets, o => Assert.True(o < TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(1), offsets[10]);
        Assert.Equal(TimeSpan.FromSeconds(2), offsets[25]);
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.TotalDuration);
    }

    [Fact]
    public void A_long_run_does_not_drift()
    {
        var schedule = new ArrivalSchedule([new Stage(TimeSpan.FromMinutes(1), 1000, 1000)]);

        var offsets = schedule.StartOffsets().ToList();

        Assert.Equal(60_000, offsets.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(59_999), offsets[^1]);
    }
}
