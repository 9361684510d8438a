using System.Text.Json;
using System.Threading.Channels;

namespace Storefront.Api.Features.Inventory;

/// <summary>
/// The live feed of stock and price changes behind <c>GET /inventory/stream</c>. Recent events
/// stay in a bounded in-memory ring so a reconnecting client can resume after its Last-Event-ID;
/// ids start at the process start time in microseconds, so they keep increasing across restarts.
/// Events older than the ring, or from before a restart, are not replayed.
/// </summary>
public sealed class InventoryEventFeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock gate = new();
    private readonly InventoryEvent[] ring;
    private readonly List<Channel<InventoryEvent>> subscribers = [];
    private int ringStart;
    private int ringCount;
    private long lastId;

    public InventoryEventFeed(TimeProvider time, int capacity = 1024)
    {
        ring = new InventoryEvent[capacity];
        lastId = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    public long LastId
    {
        get
        {
            lock (gate)
            {
                return lastId;
            }
        }
    }

    public void Publish(StockChanged change) => Publish("stock", JsonSerializer.Serialize(change, Json));

    public void Publish(PriceChanged change) => Publish("price", JsonSerializer.Serialize(change, Json));

    private void Publish(string type, string data)
    {
        lock (gate)
        {
            var item = new InventoryEvent(++lastId, type, data);
            if (ringCount < ring.Length)
            {
                ring[(ringStart + ringCount++) % ring.Length] = item;
            }
            else
            {
                ring[ringStart] = item;
                ringStart = (ringStart + 1) % ring.Length;
            }

            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(item);
            }
        }
    }

    /// <summary>Subscribes, replaying retained events after <paramref name="afterId"/> first.</summary>
    public Subscription Subscribe(long? afterId)
    {
        // A slow client loses its oldest undelivered events rather than growing memory without bound.
        var channel = Channel.CreateBounded<InventoryEvent>(new BoundedChannelOptions(ring.Length)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            if (afterId is { } after)
            {
                for (var i = 0; i < ringCount; i++)
                {
                    var item = ring[(ringStart + i) % ring.Length];
                    if (item.Id > after)
                    {
                        channel.Writer.TryWrite(item);
                    }
                }
            }

            subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Unsubscribe(Channel<InventoryEvent> channel)
    {
        lock (gate)
        {
            subscribers.Remove(channel);
        }
    }

    public sealed class Subscription(InventoryEventFeed owner, Channel<InventoryEvent> channel) : IDisposable
    {
        public ChannelReader<InventoryEvent> Events => channel.Reader;

        public void Dispose() => owner.Unsubscribe(channel);
    }
}
