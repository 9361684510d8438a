using System.Threading.Channels;

namespace Pacer.Hub.Features.Alerts;

/// <summary>Notices waiting to go out, in order; checks enqueue and never wait for a slow receiver.</summary>
public sealed class AlertOutbox
{
    private readonly Channel<AlertNotice> _queue = Channel.CreateUnbounded<AlertNotice>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(AlertNotice notice) => _queue.Writer.TryWrite(notice);

    public ChannelReader<AlertNotice> Reader => _queue.Reader;
}

