namespace Storefront.Api.Features.Inventory;

/// <summary>One server-sent event: <see cref="Type"/> is "stock" or "price", <see cref="Data"/> is JSON.</summary>
public sealed record InventoryEvent(long Id, string Type, string Data);

/// <summary>
/// A product's stock after a committed move. <see cref="Version"/> and <see cref="ChangedAt"/> are the ledger row's, so a
/// listener can tell a newer value from an older one that arrives late (0 and null when unknown).
/// </summary>
public sealed record StockChanged(Guid ProductId, int Available, int Reserved, long Version = 0, DateTime? ChangedAt = null);

public sealed record PriceChanged(Guid ProductId, decimal Price, string Currency);
