namespace Storefront.Api.Features.Inventory;

public sealed record StockResponse(Guid ProductId, int Available, int Reserved);

public sealed record AdjustStockRequest(
    [property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = "is required."),
        System.ComponentModel.DataAnnotations.Range(-1_000_000, 1_000_000, ErrorMessage = "must be a non-zero whole number between -1000000 and 1000000."),
        System.ComponentModel.DataAnnotations.DeniedValues(0, ErrorMessage = "must be a non-zero whole number between -1000000 and 1000000.")]
    int? Delta,
    [property: System.ComponentModel.DataAnnotations.Required(ErrorMessage = "is required (at most 500 characters)."),
        System.ComponentModel.DataAnnotations.StringLength(500, ErrorMessage = "is required (at most 500 characters).")]
    string? Reason);

public sealed record AdjustStockResponse(Guid ProductId, int Available, int Reserved, Guid AdjustmentId);
