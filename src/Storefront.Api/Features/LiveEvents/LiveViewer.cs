using System.Threading.Channels;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// One connection following an event (an SSE stream, or a reactions socket when <see cref="SocketOnly"/>). Its queue is
/// bounded: a viewer too slow to keep up is not sent every change it missed but marked lagging, and its writer sends
/// one fresh snapshot instead, so memory stays bounded and what it shows is still current.
/// </summary>
public sealed class LiveViewer : IDisposable
{
    private const int QueueCapacity = 64;
    private readonly Channel<LiveMessage> _queue = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly LiveEventHub _hub;
    private int _lagging;

    internal LiveViewer(LiveEventHub hub, Guid eventId, bool socketOnly)
    {
        _hub = hub;
        EventId = eventId;
        SocketOnly = socketOnly;
    }

    public Guid EventId { get; }

    /// <summary>A reactions socket: sent reaction totals and the end only, not stock and prices.</summary>
    public bool SocketOnly { get; }

    public ChannelReader<LiveMessage> Messages => _queue.Reader;

    /// <summary>True once after the queue overflowed: the writer should drop what is queued and send a snapshot.</summary>
    public bool TakeLagging() => Interlocked.Exchange(ref _lagging, 0) == 1;

    internal void Offer(LiveMessage message)
    {
        if (SocketOnly && message.Type is not ("reactions" or "ended"))
        {
            return;
        }

        if (!_queue.Writer.TryWrite(message))
        {
            Volatile.Write(ref _lagging, 1);
        }
    }

    internal void Complete() => _queue.Writer.TryComplete();

    public void Dispose() => _hub.Leave(this);
}
