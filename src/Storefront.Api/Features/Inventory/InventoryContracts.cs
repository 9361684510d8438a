namespace Storefront.Api.Features.Inventory;

public sealed record StockResponse(Guid ProductId, int Available, int Reserved);

public sealed record AdjustStockRequest(int? Delta, string? Reason);

public sealed record AdjustStockResponse(Guid ProductId, int Available, int Reserved, Guid AdjustmentId);
