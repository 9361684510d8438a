using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Monitors;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Alerts;

/// <summary>
/// Delivers queued notices to every channel of their monitor, in order. A failed delivery (no
/// connection, 408, 429, 5xx) is retried after 250 ms, 500 ms, 1 s and 2 s, then given up; other
/// answers are final. Every delivery and failure is written to the alert's history.
/// </summary>
public sealed partial class AlertDispatcher(AlertOutbox queue, IServiceScopeFactory scopes, AlertSenders senders, TimeProvider time, ILogger<AlertDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(notice, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogDispatchFailed(logger, exception, notice.AlertId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; notices not yet sent are in each alert's history as raised, not delivered.
        }
    }

    private async Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var channels = await db.Set<HubMonitor>().Where(m => m.Id == notice.MonitorId).SelectMany(m => m.Channels).AsNoTracking().ToListAsync(cancellationToken);
        foreach (var channel in channels)
        {
            var (delivered, detail) = await SendWithRetriesAsync(channel, notice, cancellationToken);
            db.Add(new AlertEvent
            {
                AlertId = notice.AlertId,
                At = time.UtcNowForStorage(),
                Kind = delivered ? "delivered" : "delivery-failed",
                Channel = channel.Name,
                Detail = $"{notice.Status} to {channel.Kind} {channel.Name}: {detail}",
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<(bool Delivered, string Detail)> SendWithRetriesAsync(AlertChannel channel, AlertNotice notice, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await senders.SendAsync(channel, notice, cancellationToken);
                return (true, attempt == 0 ? "sent" : $"sent on attempt {attempt + 1}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or AlertDeliveryException && !cancellationToken.IsCancellationRequested)
            {
                var transient = exception is not AlertDeliveryException { Transient: false };
                if (!transient || attempt >= Backoff.Length)
                {
                    return (false, $"{exception.Message} (after {attempt + 1} attempt(s))");
                }

                await Task.Delay(Backoff[attempt], time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering alert {AlertId} failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, long alertId);
}
