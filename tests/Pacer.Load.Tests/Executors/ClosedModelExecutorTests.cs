using System.Collections.Concurrent;
using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Executors;

public sealed class ClosedModelExecutorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Constant_vus_each_loop_until_the_duration_ends()
    {
        var clock = new ManualTimeProvider();
        var perVu = new ConcurrentDictionary<int, int>();
        var executor = new ConstantVusExecutor(5, TimeSpan.FromSeconds(1), async (context, ct) =>
        {
            perVu.AddOrUpdate(context.VuId, 1, (_, n) => n + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.EventuallyAsync(() => executor.ActiveVus == 5);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal([0, 1, 2, 3, 4], perVu.Keys.Order());
        Assert.All(perVu.Values, n => Assert.InRange(n, 2, 11));
        Assert.Equal(5, result.PeakVus);
        Assert.Equal(result.Started, result.Completed);
        Assert.Equal(0, executor.ActiveVus);
    }

    [Fact]
    public async Task Shared_iterations_run_exactly_n_times()
    {
        var clock = new ManualTimeProvider();
        var seen = new ConcurrentBag<long>();
        var executor = new SharedIterationsExecutor(3, 10, TimeSpan.FromMinutes(1), async (context, ct) =>
        {
            seen.Add(context.Iteration);
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.EventuallyAsync(() => executor.ActiveVus == 3);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen.Order());
        Assert.Equal(10, result.Completed);
        Assert.Equal(3, result.PeakVus);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(500, 5)]
    [InlineData(1000, 10)]
    [InlineData(1500, 10)]
    [InlineData(2500, 5)]
    [InlineData(3000, 0)]
    public void Ramping_vus_target_follows_the_stages(int milliseconds, int target)
    {
        var executor = RampingVusExecutor.FromText("1s:0->10, 1s:10, 1s:10->0", (_, _) => ValueTask.CompletedTask);

        Assert.Equal(target, executor.TargetAt(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(10, executor.MaxVus);
    }

    [Fact]
    public async Task Ramping_vus_start_and_stop_with_the_target()
    {
        var clock = new ManualTimeProvider();
        var starts = new ConcurrentBag<(int Vu, TimeSpan At)>();
        var executor = RampingVusExecutor.FromText("1s:0->10, 1s:10, 1s:10->0", async (context, ct) =>
        {
            starts.Add((context.VuId, TimeSpan.FromTicks(context.ScheduledStart)));
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
        }, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => clock.Elapsed >= TimeSpan.FromMilliseconds(1500), Step);
        await Drive.EventuallyAsync(() => executor.ActiveVus == 10);
        var activeAtHold = executor.ActiveVus;
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal(10, activeAtHold);
        Assert.Equal(10, result.PeakVus);
        Assert.Equal(0, executor.ActiveVus);
        Assert.Equal(Enumerable.Range(0, 10), starts.Select(s => s.Vu).Distinct().Order());
        // Ramping up, the target a VU saw was computed no later than its start, so it is exact.
        Assert.All(starts.Where(s => s.At < TimeSpan.FromSeconds(1)), s => Assert.True(
            s.Vu < executor.TargetAt(s.At),
            $"VU {s.Vu} ran at {s.At} with target {executor.TargetAt(s.At)}"));
        // Ramping down, a VU may start one more iteration until the controller's next tick;
        // the slack covers that lag on a busy machine.
        var slack = 5 * executor.TickInterval;
        Assert.All(starts.Where(s => s.At >= TimeSpan.FromSeconds(2)), s => Assert.True(
            s.Vu < executor.TargetAt(s.At - slack),
            $"VU {s.Vu} ran at {s.At} with target {executor.TargetAt(s.At - slack)} {slack} earlier"));
        Assert.Contains(starts, s => s.At >= TimeSpan.FromMilliseconds(2500));
    }
}
