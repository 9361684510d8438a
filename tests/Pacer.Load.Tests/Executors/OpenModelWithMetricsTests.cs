using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Metrics;
using Pacer.Load.Thresholds;
using Xunit;

namespace Pacer.Load.Tests.Executors;

/// <summary>The pieces together, as `pacer load` will use them: an executor drives iterations that record into LoadMetrics and a TimeSeries, thresholds judge the result.</summary>
public sealed class OpenModelWithMetricsTests
{
    [Fact]
    public async Task A_stalled_request_breaches_a_p99_threshold_and_shows_in_its_second()
    {
        var clock = new ManualTimeProvider();
        var metrics = new LoadMetrics();
        var series = new TimeSeries(clock);
        var login = metrics.Step("Login");
        var stalled = false;

        // Each iteration is one 10 ms request; the server stalls 1.5 s once, at 1 s into the run.
        async ValueTask Iteration(IterationContext context, CancellationToken ct)
        {
            var stall = !stalled && clock.Elapsed >= TimeSpan.FromSeconds(1);
            stalled |= stall;
            await Task.Delay(stall ? TimeSpan.FromMilliseconds(1500) : TimeSpan.FromMilliseconds(10), clock, ct);
            var latency = clock.GetElapsedTime(context.ScheduledStart);
            login.Record(latency);
            series.Record(latency, failed: false);
        }

        var executor = new ConstantArrivalRateExecutor(20, TimeSpan.FromSeconds(3), 50, 50, Iteration, new ExecutorOptions { Time = clock });
        executor.ActiveVusChanged += series.ObserveActiveVus;
        var run = executor.RunAsync(TestContext.Current.CancellationToken);
        await Drive.AdvanceUntilAsync(clock, () => run.IsCompleted, TimeSpan.FromMilliseconds(10));
        var result = await run;
        series.Complete();

        var summary = metrics.Snapshot(TimeSpan.FromSeconds(3));
        var results = ThresholdEvaluator.EvaluateAll(
            new[] { "p50<50ms", "step[Login].max>=1500ms", "p99<1s", "errors<1%", "rps>=19" }.Select(ThresholdParser.Parse),
            summary);

        Assert.Equal(60, result.Completed);
        Assert.Equal(0, result.Dropped);
        Assert.Equal([true, true, false, true, true], results.Select(r => r.Passed));
        Assert.Equal(60, series.Points.Sum(p => p.Requests));
        Assert.Contains(series.Points, p => p.P99 >= 1_500_000_000);
        Assert.Contains(series.Points, p => p.ActiveVus >= 1);
    }
}
