using Storefront.Api.Features.Inventory;
using Xunit;

namespace Storefront.Api.Tests.Inventory;

public sealed class InventoryEventFeedTests
{
    private static List<InventoryEvent> Drain(InventoryEventFeed.Subscription subscription)
    {
        var events = new List<InventoryEvent>();
        while (subscription.Events.TryRead(out var item))
        {
            events.Add(item);
        }

        return events;
    }

    [Fact]
    public void Ids_increase_and_a_resumed_subscription_replays_only_later_events()
    {
        var feed = new InventoryEventFeed(TimeProvider.System, capacity: 16);
        var product = Guid.NewGuid();
        feed.Publish(new StockChanged(product, 5, 0));
        var seen = feed.LastId;
        feed.Publish(new StockChanged(product, 4, 1));
        feed.Publish(new PriceChanged(product, 9.99m, "USD"));

        using var resumed = feed.Subscribe(seen);
        var replayed = Drain(resumed);

        Assert.Equal(["stock", "price"], replayed.Select(e => e.Type));
        Assert.Equal([seen + 1, seen + 2], replayed.Select(e => e.Id));
        Assert.Contains("\"available\":4", replayed[0].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replay_ring_is_bounded_to_its_capacity()
    {
        var feed = new InventoryEventFeed(TimeProvider.System, capacity: 4);
        var first = feed.LastId;
        for (var i = 0; i < 10; i++)
        {
            feed.Publish(new StockChanged(Guid.NewGuid(), i, 0));
        }

        using var resumed = feed.Subscribe(first);

        Assert.Equal(Enumerable.Range(7, 4).Select(i => first + i), Drain(resumed).Select(e => e.Id));
    }

    [Fact]
    public void A_new_subscriber_without_an_id_gets_only_live_events_until_it_unsubscribes()
    {
        var feed = new InventoryEventFeed(TimeProvider.System);
        feed.Publish(new StockChanged(Guid.NewGuid(), 1, 0));
        var live = feed.Subscribe(afterId: null);
        feed.Publish(new StockChanged(Guid.NewGuid(), 2, 0));
        live.Dispose();
        feed.Publish(new StockChanged(Guid.NewGuid(), 3, 0));

        Assert.Equal([feed.LastId - 1], Drain(live).Select(e => e.Id));
    }
}
