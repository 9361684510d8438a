using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// One change sent to an event's viewers: <see cref="Type"/> is snapshot, stock, price, pinned, reactions or ended, and
/// <see cref="Json"/> its data. Rendered once for every viewer: with thousands watching, each change is serialised
/// once, not once per connection.
/// </summary>
public sealed class LiveMessage
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private byte[]? _sse;
    private byte[]? _socket;

    private LiveMessage(long id, string type, string json)
    {
        Id = id;
        Type = type;
        Json = json;
    }

    public long Id { get; }

    public string Type { get; }

    public string Json { get; }

    public static LiveMessage Create<T>(long id, string type, T data) => new(id, type, JsonSerializer.Serialize(data, Web));

    /// <summary>The Server-Sent Events frame: id, event and data lines.</summary>
    public ReadOnlyMemory<byte> SseFrame => _sse ??= Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"id: {Id}\nevent: {Type}\ndata: {Json}\n\n"));

    /// <summary>The WebSocket text message: <c>{"type": …, "data": …}</c>.</summary>
    public ReadOnlyMemory<byte> SocketText => _socket ??= Encoding.UTF8.GetBytes($"{{\"type\":\"{Type}\",\"data\":{Json}}}");
}

public sealed record StockMessage(Guid ProductId, int Available, long Version, DateTime ChangedAt);

public sealed record PriceMessage(Guid ProductId, decimal Price, decimal PreviousPrice, decimal StartPrice, string Currency);

public sealed record PinnedMessage(Guid? ProductId);

public sealed record EndedMessage(DateTime? EndedAt);
