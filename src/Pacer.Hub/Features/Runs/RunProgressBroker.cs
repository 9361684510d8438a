using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// Live progress of runs in flight: what a running <c>pacer load --hub</c> posts each second, fanned out
/// to every page and API client following it over SSE. Kept in memory (a run's last 15 minutes of
/// points, so a page opened late still draws the whole chart); the finished result file is the
/// durable record. With several Hub instances, progress must reach the instance the viewer is on.
/// </summary>
public sealed class RunProgressBroker
{
    private const int KeptPoints = 900;

    private readonly ConcurrentDictionary<long, RunFeed> _feeds = new();

    public void Publish(long runId, ProgressPoint point)
    {
        var feed = _feeds.GetOrAdd(runId, _ => new RunFeed());
        lock (feed)
        {
            feed.Points.Add(point);
            if (feed.Points.Count > KeptPoints)
            {
                feed.Points.RemoveAt(0);
            }

            foreach (var subscriber in feed.Subscribers)
            {
                subscriber.Writer.TryWrite(new ProgressEvent("progress", point, null));
            }
        }
    }

    public void Complete(long runId, bool passed)
    {
        if (!_feeds.TryRemove(runId, out var feed))
        {
            return;
        }

        lock (feed)
        {
            foreach (var subscriber in feed.Subscribers)
            {
                subscriber.Writer.TryWrite(new ProgressEvent("completed", null, passed));
                subscriber.Writer.TryComplete();
            }

            feed.Completed = true;
        }
    }

    /// <summary>The points so far, then every new one, until the run completes or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ProgressEvent> FollowAsync(long runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var feed = _feeds.GetOrAdd(runId, _ => new RunFeed());
        var channel = Channel.CreateBounded<ProgressEvent>(new BoundedChannelOptions(KeptPoints * 2) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (feed)
        {
            foreach (var point in feed.Points)
            {
                channel.Writer.TryWrite(new ProgressEvent("progress", point, null));
            }

            if (feed.Completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                feed.Subscribers.Add(channel);
            }
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            lock (feed)
            {
                feed.Subscribers.Remove(channel);
            }
        }
    }

    public IReadOnlyList<ProgressPoint> Snapshot(long runId)
    {
        if (!_feeds.TryGetValue(runId, out var feed))
        {
            return [];
        }

        lock (feed)
        {
            return [.. feed.Points];
        }
    }

    private sealed class RunFeed
    {
        public List<ProgressPoint> Points { get; } = [];

        public List<Channel<ProgressEvent>> Subscribers { get; } = [];

        public bool Completed { get; set; }
    }
}

/// <summary>One second of a live run, shaped like the result file's <c>time_series</c> entries.</summary>
public sealed record ProgressPoint(long Second, long Requests, long Errors, double? P50Ms, double P95Ms, double? P99Ms, int Vus);

/// <summary>What a follower receives: a progress point, or the end of the run with its verdict.</summary>
public sealed record ProgressEvent(string Type, ProgressPoint? Point, bool? Passed);
