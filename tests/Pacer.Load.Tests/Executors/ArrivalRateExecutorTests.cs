using System.Collections.Concurrent;
using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Executors;

public sealed class ArrivalRateExecutorTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Starts_iterations_at_their_scheduled_times()
    {
        var clock = new ManualTimeProvider();
        var scheduled = new ConcurrentBag<long>();
        var executor = new ConstantArrivalRateExecutor(10, TimeSpan.FromSeconds(1), 2, 10, (context, _) =>
        {
            scheduled.Add(context.ScheduledStart);
            return ValueTask.CompletedTask;
        }, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * TimeSpan.TicksPerSecond / 10L), scheduled.Order());
        Assert.Equal((10L, 10L, 0L, 0L), (result.Started, result.Completed, result.Failed, result.Dropped));
    }

    [Fact]
    public async Task Iterations_without_a_free_vu_are_dropped_and_counted()
    {
        var clock = new ManualTimeProvider();
        var release = new TaskCompletionSource();
        var executor = new ConstantArrivalRateExecutor(10, TimeSpan.FromSeconds(1), 1, 2, async (_, ct) => await release.Task.WaitAsync(ct), new ExecutorOptions { Time = clock });
        var told = 0;
        executor.IterationDropped += () => Interlocked.Increment(ref told);

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => executor.DroppedIterations == 8, Step);
        release.SetResult();
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal((2L, 2L, 8L, 2), (result.Started, result.Completed, result.Dropped, result.PeakVus));
        Assert.Equal(8, told); // each drop is told as it happens, for the per-second series
    }

    [Fact]
    public async Task A_stalled_iteration_reports_latency_from_its_scheduled_start()
    {
        var clock = new ManualTimeProvider();
        var stall = new TaskCompletionSource();
        var executor = new ConstantArrivalRateExecutor(10, TimeSpan.FromSeconds(1), 20, 20, async (context, ct) =>
        {
            if (context.Iteration == 0)
            {
                await stall.Task.WaitAsync(ct);
            }
        }, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        // The open model keeps starting iterations while the first one hangs.
        await Drive.AdvanceUntilAsync(clock, () => clock.Elapsed >= TimeSpan.FromSeconds(2) && executor.IterationDurations.Count == 9, Step);
        stall.SetResult();
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal(10, result.Completed);
        Assert.True(executor.IterationDurations.Max >= TimeSpan.FromSeconds(2).Ticks * 100, $"max {executor.IterationDurations.Max} ns");
        Assert.True(executor.IterationDurations.ValueAtPercentile(50) < TimeSpan.FromSeconds(1).Ticks * 100);
    }

    [Fact]
    public async Task A_ramping_rate_runs_the_integral_of_its_stages()
    {
        var clock = new ManualTimeProvider();
        var executor = RampingArrivalRateExecutor.FromText("1s:10/s, 1s:10/s->20/s", 1, 5, (_, _) => ValueTask.CompletedTask, new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal(25, result.Started);
        Assert.Equal(0, result.Dropped);
    }

    [Fact]
    public async Task A_throwing_iteration_is_counted_as_failed_and_the_run_goes_on()
    {
        var clock = new ManualTimeProvider();
        var executor = new ConstantArrivalRateExecutor(4, TimeSpan.FromSeconds(1), 1, 4, (context, _) =>
            context.Iteration % 2 == 0 ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask,
            new ExecutorOptions { Time = clock });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal((4L, 2L, 2L), (result.Started, result.Completed, result.Failed));
    }

    [Fact]
    public async Task Iterations_still_running_at_the_hard_stop_are_cancelled()
    {
        var clock = new ManualTimeProvider();
        var executor = new ConstantArrivalRateExecutor(2, TimeSpan.FromSeconds(1), 2, 2, async (_, ct) => await Task.Delay(Timeout.InfiniteTimeSpan, ct),
            new ExecutorOptions { Time = clock, GracefulStop = TimeSpan.FromSeconds(1) });

        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, Step);
        var result = await run;

        Assert.Equal((2L, 0L, 0L), (result.Started, result.Completed, result.Failed));
        Assert.InRange(result.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }
}
