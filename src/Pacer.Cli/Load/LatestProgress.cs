using Pacer.Load.Exposition;
using Pacer.Load.Runtime;

namespace Pacer.Cli.Load;

/// <summary>
/// Remembers the last progress a load run reported, so the metrics endpoint can answer a scrape
/// with the run's live summary (the same counts the progress line shows: one source for each)
/// plus what only progress knows (active VUs, threshold states), without a second ticker.
/// </summary>
internal sealed class LatestProgress
{
    private volatile LoadProgress? _latest;

    /// <summary>An observer that records each progress and passes everything on to <paramref name="display"/>.</summary>
    public ILoadObserver Forwarding(ILoadObserver display) => new Forwarder(this, display);

    public MetricsSnapshot Snapshot(LoadRun run)
    {
        var progress = _latest;
        return new MetricsSnapshot(
            run.Live(progress?.Elapsed ?? TimeSpan.Zero),
            progress?.ActiveVus ?? 0,
            [.. (progress?.Thresholds ?? []).Select(t => new ThresholdState(t.Text, t.Passed))]);
    }

    private sealed class Forwarder(LatestProgress owner, ILoadObserver display) : ILoadObserver
    {
        public void OnProgress(LoadProgress progress)
        {
            owner._latest = progress;
            display.OnProgress(progress);
        }

        public void OnMessage(string message) => display.OnMessage(message);
    }
}
