using Microsoft.Extensions.DependencyInjection;
using Pacer.Hub.Client;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Load.Runtime;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Runs;

/// <summary>A running load's progress reaches the Hub as one point per second, while the console observer still sees everything.</summary>
public sealed class LoadObserverTests
{
    [Fact]
    public async Task Each_progress_report_becomes_one_second_with_the_requests_since_the_last()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        await api.CreateProjectAsync("Observed");
        var slug = (await api.GetAsync("api/v1/projects")).Data!["items"]![0]!["slug"]!.GetValue<string>();
        using var work = new TempDirectory();
        await using var sink = new HubResultSink(new HubTarget(new Uri(hub.BaseUrl), slug, api.Token), work.Path, TextWriter.Null);
        await sink.StartAsync("load", ["a.flow.md"], TestContext.Current.CancellationToken);
        var display = new RecordingObserver();
        var observer = new HubLoadObserver(display, sink);

        observer.OnProgress(Progress(1, requests: 200, failures: 1, p95: 4.5, vus: 7));
        observer.OnProgress(Progress(2, requests: 390, failures: 1, p95: 5.25, vus: 8));
        observer.OnMessage("setup done");

        var broker = hub.Services.GetRequiredService<RunProgressBroker>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (broker.Snapshot(sink.LiveRunId!.Value).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var points = broker.Snapshot(sink.LiveRunId!.Value);
        Assert.Equal([new ProgressPoint(1, 200, 1, null, 4.5, null, 7), new ProgressPoint(2, 190, 0, null, 5.25, null, 8)], points);
        Assert.Equal(2, display.Progress);
        Assert.Equal(["setup done"], display.Messages);
    }

    private static LoadProgress Progress(int second, long requests, long failures, double p95, int vus) =>
        new(TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(10), vus, requests, p95, requests, failures, 0, [], []);

    private sealed class RecordingObserver : ILoadObserver
    {
        public int Progress { get; private set; }

        public List<string> Messages { get; } = [];

        public void OnProgress(LoadProgress progress) => Progress++;

        public void OnMessage(string message) => Messages.Add(message);
    }
}
