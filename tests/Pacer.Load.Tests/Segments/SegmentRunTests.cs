using System.Collections.Concurrent;
using Pacer.Load.Executors;
using Pacer.Load.Tests.Executors;
using Xunit;

namespace Pacer.Load.Tests.Segments;

/// <summary>
/// The executors each configuration builds, run on a manual clock: the segments' iterations start
/// at the whole run's scheduled times, each once, and their VUs and shared iterations add up.
/// </summary>
public sealed class SegmentRunTests
{
    private const int Cases = 8;

    [Fact]
    public async Task Segmented_arrival_rate_executors_start_the_whole_runs_iterations_at_the_same_times()
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            ExecutorConfig whole = seed % 2 == 0 ? SegmentProfiles.ConstantArrivalRate(random) : SegmentProfiles.RampingArrivalRate(random);
            whole = whole with { GracefulStop = TimeSpan.Zero };
            var sequence = SegmentProfiles.Sequence(random);
            var expected = await RunAsync(whole);
            var together = new List<long>();
            foreach (var part in SegmentProfiles.Split(whole, sequence))
            {
                var starts = await RunAsync(part);
                Assert.Equal(starts.Order(), starts);
                together.AddRange(starts);
            }

            Assert.True(expected.SequenceEqual(together.Order()), $"seed {seed}: {SegmentProfiles.Describe(whole, sequence)}: {expected.Count} starts, segments {together.Count}");
        }
    }

    [Fact]
    public async Task Segmented_shared_iterations_and_constant_vus_executors_add_up_to_the_whole()
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            var shared = new SharedIterationsConfig(random.Next(1, 12), random.Next(1, 60), TimeSpan.FromMinutes(1));
            var vus = new ConstantVusConfig(random.Next(1, 12), TimeSpan.FromSeconds(1)) { GracefulStop = TimeSpan.Zero };
            var sequence = SegmentProfiles.Sequence(random);
            var sharedParts = await Task.WhenAll(SegmentProfiles.Split(shared, sequence).Select(CountAsync));
            var vuParts = await Task.WhenAll(SegmentProfiles.Split(vus, sequence).Select(CountAsync));

            Assert.Equal(shared.Iterations, sharedParts.Sum(r => r.Completed));
            Assert.Equal(shared.PeakVus, sharedParts.Sum(r => r.PeakVus));
            Assert.Equal(vus.Vus, vuParts.Sum(r => r.PeakVus));
        }
    }

    /// <summary>The scheduled start (ticks of the manual clock) of every iteration the configuration's executor starts.</summary>
    private static async Task<List<long>> RunAsync(ExecutorConfig config)
    {
        var clock = new ManualTimeProvider();
        var starts = new ConcurrentQueue<long>();
        var executor = config.CreateExecutor((context, _) =>
        {
            starts.Enqueue(context.ScheduledStart);
            return ValueTask.CompletedTask;
        }, new ExecutorOptions { Time = clock, GracefulStop = TimeSpan.Zero });
        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, TimeSpan.FromSeconds(1));
        await run;
        return [.. starts];
    }

    private static async Task<ExecutorResult> CountAsync(ExecutorConfig config)
    {
        var clock = new ManualTimeProvider();
        var executor = config.CreateExecutor(
            async (_, ct) => await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct),
            new ExecutorOptions { Time = clock, GracefulStop = TimeSpan.Zero });
        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, TimeSpan.FromMilliseconds(100));
        return await run;
    }
}
