namespace Storefront.Api.Features.LiveEvents;

/// <summary><c>Storefront:LiveEvents</c> settings.</summary>
public sealed class LiveEventsOptions
{
    public const string Section = "Storefront:LiveEvents";

    /// <summary>
    /// How often each instance reads the state of the events its viewers follow. A change made through this
    /// instance is read at once (it wakes the watcher); one made through another instance waits at most this long.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The fewest milliseconds between two reads, however often changes wake the watcher (bounds the queries under load).</summary>
    public TimeSpan MinPollSpacing { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The promise made to viewers, and stated in every snapshot: the stock they are shown is never further behind
    /// the ledger than this. Poll interval plus a read plus the write to the socket, with room for a busy machine.
    /// </summary>
    public TimeSpan StatedDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle stream sends a comment so proxies keep it open.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Reactions one WebSocket may send per second; more are refused with an error message, never counted.</summary>
    public int ReactionsPerSecond { get; set; } = 5;
}
