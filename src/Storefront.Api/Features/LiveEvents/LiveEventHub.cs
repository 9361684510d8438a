using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// This instance's viewers, by event, and the last state each event was shown in. <see cref="Apply"/> takes a state
/// read from the database, works out what changed (stock by its ledger version, price by the product's version, pin and
/// status by the event's version, so a read that raced a newer one never goes backwards) and sends each change once to
/// every viewer. Reactions sent here wait in <see cref="TakePendingReactions"/> until the watcher adds them to the totals.
/// </summary>
public sealed class LiveEventHub(IOptions<LiveEventsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Room> _rooms = new();
    private readonly ConcurrentDictionary<(Guid EventId, string Kind), long> _pendingReactions = new();
    private long _lastId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>Events with at least one viewer here: the ones the watcher reads.</summary>
    public IReadOnlyList<Guid> WatchedEvents => [.. _rooms.Where(r => r.Value.ViewerCount > 0).Select(r => r.Key)];

    /// <summary>Open streams and sockets on this instance.</summary>
    public int Viewers => _rooms.Values.Sum(r => r.ViewerCount);

    public int ViewersOf(Guid eventId) => _rooms.TryGetValue(eventId, out var room) ? room.ViewerCount : 0;

    /// <summary>Adds a viewer, who is sent a snapshot of <paramref name="state"/> (or a newer one already known) first.</summary>
    public LiveViewer Join(LiveEventState state, bool socketOnly)
    {
        var room = _rooms.GetOrAdd(state.Id, _ => new Room());
        lock (room.Gate)
        {
            ApplyLocked(room, state);
            var viewer = new LiveViewer(this, state.Id, socketOnly);
            room.Viewers.Add(viewer);
            viewer.Offer(Snapshot(room.State!));
            if (!room.State!.IsLive)
            {
                viewer.Offer(LiveMessage.Create(NextId(), "ended", new EndedMessage(room.State.EndedAt)));
                viewer.Complete();
            }

            return viewer;
        }
    }

    /// <summary>A fresh snapshot for a viewer that fell behind.</summary>
    public LiveMessage? SnapshotFor(LiveViewer viewer)
    {
        if (!_rooms.TryGetValue(viewer.EventId, out var room))
        {
            return null;
        }

        lock (room.Gate)
        {
            return room.State is { } state ? Snapshot(state) : null;
        }
    }

    public void Apply(LiveEventState state)
    {
        if (!_rooms.TryGetValue(state.Id, out var room))
        {
            return;
        }

        lock (room.Gate)
        {
            ApplyLocked(room, state);
        }
    }

    /// <summary>
    /// A committed stock move this instance made: sent to the viewers of every event featuring the product when it is
    /// newer than what they were shown (by ledger version), without waiting for the next read.
    /// </summary>
    public void ApplyStock(StockChanged change)
    {
        foreach (var room in _rooms.Values)
        {
            lock (room.Gate)
            {
                if (room.State is not { IsLive: true } state
                    || state.Products.FirstOrDefault(p => p.ProductId == change.ProductId) is not { } known
                    || known.StockVersion >= change.Version)
                {
                    continue;
                }

                var changedAt = change.ChangedAt ?? time.GetUtcNow().UtcDateTime;
                var fresh = known with { Available = change.Available, StockVersion = change.Version, StockChangedAt = changedAt };
                room.State = state with { Products = [.. state.Products.Select(p => p.ProductId == change.ProductId ? fresh : p)] };
                var message = LiveMessage.Create(NextId(), "stock", new StockMessage(fresh.ProductId, fresh.Available, fresh.StockVersion, changedAt));
                room.Viewers.ForEach(v => v.Offer(message));
            }
        }
    }

    /// <summary>The event no longer exists: its viewers' streams end.</summary>
    public void Forget(Guid eventId)
    {
        if (_rooms.TryRemove(eventId, out var room))
        {
            lock (room.Gate)
            {
                room.Viewers.ForEach(v => v.Complete());
            }
        }
    }

    public void AddReaction(Guid eventId, string kind) => _pendingReactions.AddOrUpdate((eventId, kind), 1, (_, n) => n + 1);

    /// <summary>Reactions sent since the last call, to be added to the totals in the database.</summary>
    public List<(Guid EventId, string Kind, long Count)> TakePendingReactions()
    {
        var taken = new List<(Guid, string, long)>();
        foreach (var key in _pendingReactions.Keys)
        {
            if (_pendingReactions.TryRemove(key, out var count) && count > 0)
            {
                taken.Add((key.EventId, key.Kind, count));
            }
        }

        return taken;
    }

    /// <summary>Puts reactions back after the database refused them, so a failed write loses none.</summary>
    public void ReturnReactions(IEnumerable<(Guid EventId, string Kind, long Count)> reactions)
    {
        foreach (var (eventId, kind, count) in reactions)
        {
            _pendingReactions.AddOrUpdate((eventId, kind), count, (_, n) => n + count);
        }
    }

    internal void Leave(LiveViewer viewer)
    {
        if (_rooms.TryGetValue(viewer.EventId, out var room))
        {
            lock (room.Gate)
            {
                room.Viewers.Remove(viewer);
            }
        }
    }

    private void ApplyLocked(Room room, LiveEventState next)
    {
        var previous = room.State;
        if (previous is null)
        {
            room.State = next;
            return;
        }

        var messages = new List<LiveMessage>();
        var products = new List<LiveProductState>(next.Products.Count);
        foreach (var fresh in next.Products)
        {
            var known = previous.Products.FirstOrDefault(p => p.ProductId == fresh.ProductId);
            if (known is null)
            {
                products.Add(fresh);
                continue;
            }

            var merged = known;
            if (fresh.StockVersion > known.StockVersion)
            {
                merged = merged with { Available = fresh.Available, StockVersion = fresh.StockVersion, StockChangedAt = fresh.StockChangedAt };
                messages.Add(LiveMessage.Create(NextId(), "stock", new StockMessage(fresh.ProductId, fresh.Available, fresh.StockVersion, fresh.StockChangedAt)));
            }

            if (fresh.ProductVersion > known.ProductVersion)
            {
                merged = merged with { PriceCents = fresh.PriceCents, ProductVersion = fresh.ProductVersion, Name = fresh.Name };
                if (fresh.PriceCents != known.PriceCents)
                {
                    messages.Add(LiveMessage.Create(NextId(), "price", new PriceMessage(
                        fresh.ProductId, Money.FromCents(fresh.PriceCents), Money.FromCents(known.PriceCents), Money.FromCents(fresh.StartPriceCents), fresh.Currency)));
                }
            }

            products.Add(merged);
        }

        var state = next with { Products = products };
        if (next.Version < previous.Version)
        {
            state = state with { Status = previous.Status, PinnedProductId = previous.PinnedProductId, EndedAt = previous.EndedAt, Version = previous.Version };
        }
        else if (next.PinnedProductId != previous.PinnedProductId)
        {
            messages.Add(LiveMessage.Create(NextId(), "pinned", new PinnedMessage(next.PinnedProductId)));
        }

        if (state.Reactions != previous.Reactions)
        {
            messages.Add(LiveMessage.Create(NextId(), "reactions", state.Reactions));
        }

        var ended = previous.IsLive && !state.IsLive;
        if (ended)
        {
            messages.Add(LiveMessage.Create(NextId(), "ended", new EndedMessage(state.EndedAt)));
        }

        room.State = state;
        foreach (var viewer in room.Viewers)
        {
            messages.ForEach(viewer.Offer);
            if (ended)
            {
                viewer.Complete();
            }
        }
    }

    private LiveMessage Snapshot(LiveEventState state) =>
        LiveMessage.Create(NextId(), "snapshot", state.ToResponse(options.Value.StatedDelay));

    private long NextId() => Interlocked.Increment(ref _lastId);

    private sealed class Room
    {
        public readonly Lock Gate = new();
        public readonly List<LiveViewer> Viewers = [];
        public LiveEventState? State;

        public int ViewerCount
        {
            get
            {
                lock (Gate)
                {
                    return Viewers.Count;
                }
            }
        }
    }
}
