using System.Collections.Concurrent;
using System.Diagnostics;
using Pacer.Load.Executors;
using Xunit;

namespace Pacer.Load.Tests.Executors;

/// <summary>The open model on the real clock, where a thread of its own sleeps to each start.</summary>
public sealed class RealClockSchedulerTests
{
    [Fact]
    public async Task Starts_every_scheduled_iteration_and_none_before_it_is_due()
    {
        var lateness = new ConcurrentBag<long>();
        var executor = new ConstantArrivalRateExecutor(2_000, TimeSpan.FromMilliseconds(300), 10, 100, (context, _) =>
        {
            lateness.Add(Stopwatch.GetTimestamp() - context.ScheduledStart);
            return ValueTask.CompletedTask;
        });

        var result = await executor.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((600L, 600L, 0L), (result.Started, result.Completed, result.Dropped));
        Assert.Equal(600, lateness.Count);
        Assert.All(lateness, late => Assert.True(late >= 0, $"an iteration started {-late} ticks before it was due"));
    }

    [Fact]
    public async Task Iterations_that_wait_asynchronously_run_side_by_side_and_all_end_before_the_run()
    {
        var running = 0;
        var peak = 0;
        var executor = new ConstantArrivalRateExecutor(500, TimeSpan.FromMilliseconds(200), 5, 200, async (_, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(20, token);
            Interlocked.Decrement(ref running);
        });

        var result = await executor.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((100L, 100L, 0L), (result.Started, result.Completed, result.Dropped));
        Assert.Equal(0, Volatile.Read(ref running));
        Assert.True(peak > 1, "iterations 2 ms apart that last 20 ms overlap");
    }

    [Fact]
    public async Task Iterations_start_on_the_engine_event_loop_where_there_is_one()
    {
        var threads = new ConcurrentBag<string?>();
        var executor = new ConstantArrivalRateExecutor(
            1_000,
            TimeSpan.FromMilliseconds(100),
            5,
            // Every iteration may wait for a busy loop here (other tests share it): enough VUs that none is dropped.
            100,
            (_, _) =>
            {
                threads.Add(Thread.CurrentThread.Name);
                return ValueTask.CompletedTask;
            },
            new ExecutorOptions { StartOnEngineLoop = true });

        var result = await executor.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, result.Completed);
        var onLoop = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;
        Assert.All(threads, name => Assert.Equal(onLoop, name?.StartsWith("pacer-event-loop-", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_vu_runs_one_iteration_at_a_time()
    {
        var busy = new ConcurrentDictionary<int, bool>();
        var overlaps = 0;
        var vusSeen = new ConcurrentDictionary<int, bool>();
        // max-vus equals the iterations, so a slow host cannot make any of them be dropped.
        var executor = new ConstantArrivalRateExecutor(1_000, TimeSpan.FromMilliseconds(300), 2, 300, async (context, token) =>
        {
            vusSeen.TryAdd(context.VuId, true);
            if (!busy.TryAdd(context.VuId, true))
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Delay(3, token);
            busy.TryRemove(context.VuId, out _);
        });

        var result = await executor.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((300L, 300L, 0L), (result.Started, result.Completed, result.Dropped));
        Assert.Equal(0, overlaps);
        Assert.True(vusSeen.Count > 2, "iterations 1 ms apart that last 3 ms need more than the 2 pre-allocated VUs");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
