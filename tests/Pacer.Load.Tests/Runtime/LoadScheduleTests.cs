using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class LoadScheduleTests
{
    [Fact]
    public void A_constant_rate_is_its_own_target_in_every_second_and_none_after_the_end()
    {
        var schedule = LoadSchedule.Of([new ConstantArrivalRateConfig(500, TimeSpan.FromSeconds(10), 10, 500)]);

        Assert.True(schedule.IsOpenModel);
        Assert.Equal(500, schedule.Target(0, 1)!.Value, 9);
        Assert.Equal(500, schedule.Target(9, 9.25)!.Value, 9);
        Assert.Null(schedule.Target(10, 10.01)); // the last iterations finishing have no target
    }

    [Fact]
    public void A_stage_at_zero_is_a_target_of_zero()
    {
        var schedule = LoadSchedule.Of([new RampingArrivalRateConfig([new Stage(TimeSpan.FromSeconds(2), 0, 0), new Stage(TimeSpan.FromSeconds(2), 10, 10)], 1, 10)]);

        Assert.Equal(0, schedule.Target(0, 1)!.Value, 9);
        Assert.Equal(10, schedule.Target(3, 4)!.Value, 9);
    }

    [Fact]
    public void A_ramp_asks_for_the_average_rate_of_each_second_and_flows_add_up()
    {
        var ramp = new RampingArrivalRateConfig([new Stage(TimeSpan.FromSeconds(10), 0, 100), new Stage(TimeSpan.FromSeconds(5), 100, 100)], 10, 100);
        var schedule = LoadSchedule.Of([ramp, new ConstantArrivalRateConfig(20, TimeSpan.FromSeconds(15), 1, 20)]);

        Assert.Equal(5 + 20, schedule.Target(0, 1)!.Value, 9);
        Assert.Equal(95 + 20, schedule.Target(9, 10)!.Value, 9);
        Assert.Equal(100 + 20, schedule.Target(12, 13)!.Value, 9);

        // The target integrates to the iterations the executor starts: 500 in the ramp, 500 after.
        Assert.Equal(1_000 + 300, Enumerable.Range(0, 15).Sum(s => schedule.Target(s, s + 1)!.Value), 6);
    }

    [Fact]
    public void Closed_model_runs_have_no_target()
    {
        var schedule = LoadSchedule.Of([new ConstantVusConfig(20, TimeSpan.FromSeconds(10))]);

        Assert.False(schedule.IsOpenModel);
        Assert.Null(schedule.Target(0, 1));
    }
}
