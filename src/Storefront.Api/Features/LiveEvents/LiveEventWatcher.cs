using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// Keeps this instance's viewers within the stated delay of the database. Every <see cref="LiveEventsOptions.PollInterval"/>
/// it adds the reactions sent here to the totals and reads the events its viewers follow; a change made through this
/// instance (an order, an adjustment, a pin, a price drop) wakes it at once, at most once per
/// <see cref="LiveEventsOptions.MinPollSpacing"/>. Reading the database rather than passing messages between processes is
/// what lets any number of instances serve one event: the ledger is the one source, and no message can be lost.
/// </summary>
public sealed partial class LiveEventWatcher(
    IServiceScopeFactory scopes,
    LiveEventHub hub,
    InventoryEventFeed inventory,
    IOptions<LiveEventsOptions> options,
    TimeProvider time,
    ILogger<LiveEventWatcher> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Read now rather than at the next interval (after a committed change).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one read will see this change too.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var forwarding = WakeOnStockChangesAsync(stoppingToken);
        var settings = options.Value;
        var lastRead = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(settings.PollInterval, stoppingToken);
                var since = time.GetElapsedTime(lastRead);
                if (since < settings.MinPollSpacing)
                {
                    await Task.Delay(settings.MinPollSpacing - since, time, stoppingToken);
                }

                lastRead = time.GetTimestamp();
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The database may be briefly away (a failover, a restart): viewers keep their last state, reads go on.
                LogReadFailed(logger, error);
            }
        }

        await forwarding;
    }

    /// <summary>One round: add pending reactions, read every watched event, send what changed.</summary>
    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        await FlushReactionsAsync(db, cancellationToken);

        var watched = hub.WatchedEvents;
        if (watched.Count == 0)
        {
            return;
        }

        var states = await LiveEventReader.ReadAsync(db, watched, cancellationToken);
        foreach (var id in watched)
        {
            if (states.TryGetValue(id, out var state))
            {
                hub.Apply(state);
            }
            else
            {
                hub.Forget(id);
            }
        }
    }

    private async Task FlushReactionsAsync(StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var pending = hub.TakePendingReactions();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            await db.RetryAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var (eventId, kind, count) in pending)
                {
                    // Rows for every kind are made with the event, so an increment is one UPDATE on any instance.
                    await db.Set<LiveEventReactionTotal>()
                        .Where(r => r.EventId == eventId && r.Kind == kind)
                        .ExecuteUpdateAsync(r => r.SetProperty(x => x.Count, x => x.Count + count), ct);
                }

                await transaction.CommitAsync(ct);
                return true;
            }, cancellationToken);
        }
        catch
        {
            hub.ReturnReactions(pending);
            throw;
        }
    }

    private async Task WakeOnStockChangesAsync(CancellationToken stoppingToken)
    {
        using var subscription = inventory.Subscribe(afterId: null);
        try
        {
            while (await subscription.Events.WaitToReadAsync(stoppingToken))
            {
                while (subscription.Events.TryRead(out var change))
                {
                    // This instance's own moves are shown at once from the row the ledger read after commit: no
                    // query stands between an order and its viewers, however busy the database is. The read below
                    // (and the poll) still confirm, and cover moves made through other instances.
                    if (change.Type == "stock" && JsonSerializer.Deserialize<StockChanged>(change.Data, Json) is { Version: > 0 } stock)
                    {
                        hub.ApplyStock(stock);
                    }
                }

                if (hub.Viewers > 0)
                {
                    Wake();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading live events failed; viewers keep their last state until the next read")]
    private static partial void LogReadFailed(ILogger logger, Exception error);
}
