using System.ComponentModel.DataAnnotations;
using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Orders;

public sealed record PlaceOrderRequest(
    [property: Required(ErrorMessage = "is required."), Length(1, OrderValidation.MaxLines, ErrorMessage = "must contain {1} to {2} lines.")]
    IReadOnlyList<OrderLineRequest>? Items,
    [property: Required(ErrorMessage = "is required.")]
    ShippingAddressRequest? ShippingAddress);

public sealed record OrderLineRequest(
    [property: Required(ErrorMessage = "is required.")]
    Guid ProductId,
    [property: Required(ErrorMessage = "is required."), Range(1, OrderValidation.MaxQuantity, ErrorMessage = "must be between {1} and {2}.")]
    int Quantity);

public sealed record ShippingAddressRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(200, ErrorMessage = "must be at most {1} characters.")]
    string? Name,
    [property: Required(ErrorMessage = "is required."), StringLength(200, ErrorMessage = "must be at most {1} characters.")]
    string? Line1,
    [property: StringLength(200, ErrorMessage = "must be at most {1} characters.")]
    string? Line2,
    [property: Required(ErrorMessage = "is required."), StringLength(100, ErrorMessage = "must be at most {1} characters.")]
    string? City,
    [property: Required(ErrorMessage = "is required."), StringLength(20, ErrorMessage = "must be at most {1} characters.")]
    string? PostalCode,
    [property: Required(ErrorMessage = "is required."), RegularExpression("^[A-Z]{2}$", ErrorMessage = "must be a two-letter ISO 3166 code in upper case, e.g. US.")]
    string? Country);

public sealed record OrderLineResponse(Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

public sealed record ShippingAddressResponse(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record OrderResponse(
    Guid Id,
    string Status,
    IReadOnlyList<OrderLineResponse> Items,
    decimal Total,
    string Currency,
    ShippingAddressResponse ShippingAddress,
    DateTime CreatedAt,
    DateTime ExpiresAt)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.Status,
        order.Items.OrderBy(i => i.ProductName, StringComparer.Ordinal).ThenBy(i => i.ProductId)
            .Select(i => new OrderLineResponse(
                i.ProductId, i.ProductName, Money.FromCents(i.UnitPriceCents), i.Quantity, Money.FromCents(i.UnitPriceCents * i.Quantity)))
            .ToList(),
        Money.FromCents(order.TotalCents),
        order.Currency,
        new ShippingAddressResponse(
            order.ShippingAddress.Name, order.ShippingAddress.Line1, order.ShippingAddress.Line2,
            order.ShippingAddress.City, order.ShippingAddress.PostalCode, order.ShippingAddress.Country),
        order.CreatedAt,
        order.ExpiresAt);
}

public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, int Total, int Page, int PageSize, int TotalPages);

/// <summary>One line that could not be reserved, in the 409 problem's <c>items</c> extension.</summary>
public sealed record OrderShortfall(Guid ProductId, int Requested, int Available);
