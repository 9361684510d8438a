namespace Storefront.Api.Features.Inventory;

/// <summary>One server-sent event: <see cref="Type"/> is "stock" or "price", <see cref="Data"/> is JSON.</summary>
public sealed record InventoryEvent(long Id, string Type, string Data);

public sealed record StockChanged(Guid ProductId, int Available, int Reserved);

public sealed record PriceChanged(Guid ProductId, decimal Price, string Currency);
