using System.Threading.Channels;

namespace Pacer.Cli.Monitor;

/// <summary>
/// Sends alerts to the webhook in the order they were raised, on one background task, so a slow or
/// retrying receiver never delays the next check. <see cref="DisposeAsync"/> lets queued alerts
/// finish (a resolved alert raised just before stopping still goes out), bounded by the sender's retries.
/// </summary>
public sealed class AlertDispatcher : IAsyncDisposable
{
    private readonly Channel<Alert> queue = Channel.CreateUnbounded<Alert>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WebhookSender sender;
    private readonly Task pump;

    public AlertDispatcher(WebhookSender sender)
    {
        this.sender = sender;
        pump = PumpAsync();
    }

    public void Enqueue(Alert alert) => queue.Writer.TryWrite(alert);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await pump.ConfigureAwait(false);
    }

    private async Task PumpAsync()
    {
        await foreach (var alert in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await sender.SendAsync(alert, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
