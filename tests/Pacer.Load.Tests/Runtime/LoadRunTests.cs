using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Pacer.Load.Executors;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

/// <summary>Short real-clock runs against a local server: what the time series, the status codes and the live frames say.</summary>
public sealed class LoadRunTests
{
    [Fact]
    public async Task A_rate_run_records_iterations_targets_status_codes_and_step_seconds_and_its_last_frame_is_full()
    {
        await using var server = new FixedResponseServer();
        var observer = new RecordingObserver();
        var run = new LoadRun(Settings(server.BaseUrl, new ConstantArrivalRateConfig(50, TimeSpan.FromSeconds(2), 10, 50)));

        var result = await run.RunAsync(observer, TestContext.Current.CancellationToken);

        Assert.Equal(100, result.Summary.Requests);
        Assert.Equal(new Dictionary<string, long> { ["200"] = 100 }, result.Summary.StatusCodes);
        Assert.Equal(result.Summary.StatusCodes, Assert.Single(result.Steps).StatusCodes);
        Assert.Equal(100, result.TimeSeries.Sum(p => p.Iterations));
        Assert.Equal(100, result.TimeSeries.Sum(p => p.Requests));
        Assert.Equal(100, result.Steps[0].TimeSeries.Sum(p => p.Requests));
        Assert.All(result.TimeSeries.Where(p => p.Second < 2), p => Assert.Equal(50, p.TargetRate!.Value, 6));
        Assert.InRange(result.TimeSeries[0].Iterations, 45, 55);

        // The load ends when its last iteration does (the 100th starts at 1.98 s): that second is partial and says so.
        Assert.Equal(1, result.TimeSeries[0].LengthSeconds);
        Assert.Equal(result.DurationSeconds - result.TimeSeries[^1].Second, result.TimeSeries[^1].LengthSeconds, 2);
        Assert.InRange(result.TimeSeries[^1].LengthSeconds, 0.001, 0.999);

        // Readied before time zero: the 10 pre-allocated VUs' connections, nothing sent to the server.
        Assert.Equal(new ReadiedPath { Ms = result.Client.Readied!.Ms, RehearsedRequests = result.Client.Readied.RehearsedRequests, Connections = 10, ConnectionsTried = 10 }, result.Client.Readied);
        Assert.Equal(100, server.Requests);

        var last = observer.Frames[^1];
        Assert.True(last.Final && last.Completed, "the last frame is the final one of a run that ran its course");
        Assert.Equal(100, last.Requests);
        Assert.True(last.OpenModel);
        Assert.Equal(50, last.TargetRate!.Value, 6);
        Assert.Equal(100 / result.DurationSeconds, last.RequestsPerSecond!.Value, 6);
        var first = observer.Frames[0];
        Assert.False(first.Final);
        Assert.Equal(0, first.LastSecond);
        Assert.InRange(first.RequestsPerSecond!.Value, 40, 60);
        Assert.NotNull(first.P95Ms);
    }

    [Fact]
    public async Task A_constant_vu_run_records_its_vus_in_every_second_and_the_live_frames_show_them()
    {
        await using var server = new FixedResponseServer();
        var observer = new RecordingObserver();
        var run = new LoadRun(Settings(server.BaseUrl, new ConstantVusConfig(3, TimeSpan.FromSeconds(2)) { Think = new ThinkTime(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)) }));

        var result = await run.RunAsync(observer, TestContext.Current.CancellationToken);

        Assert.All(result.TimeSeries, p => Assert.Equal(3, p.Vus));
        Assert.All(result.TimeSeries, p => Assert.Null(p.TargetRate));
        Assert.All(observer.Frames.Where(f => !f.Final), f => Assert.Equal(3, f.ActiveVus));
        Assert.Equal(3, observer.Frames[^1].ActiveVus);
        Assert.False(observer.Frames[^1].OpenModel);
    }

    private static LoadRunSettings Settings(string baseUrl, ExecutorConfig profile)
    {
        var plan = FlowPlan.Compile(FlowParser.Parse("t.flow.md", "```step\nGET /a\n\n[Asserts]\nstatus == 200\n```").Document!);
        return new LoadRunSettings { Flows = [new LoadFlow(plan, profile with { GracefulStop = TimeSpan.FromSeconds(5) }) { BaseUrl = baseUrl }] };
    }

    private sealed class RecordingObserver : ILoadObserver
    {
        private readonly List<LoadProgress> _frames = [];

        public IReadOnlyList<LoadProgress> Frames
        {
            get
            {
                lock (_frames)
                {
                    return [.. _frames];
                }
            }
        }

        public void OnProgress(LoadProgress progress)
        {
            lock (_frames)
            {
                _frames.Add(progress);
            }
        }

        public void OnMessage(string message)
        {
        }
    }
}
