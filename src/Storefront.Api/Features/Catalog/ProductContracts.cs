using System.ComponentModel.DataAnnotations;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Features.Catalog;

public sealed record ProductResponse(
    Guid Id,
    string Name,
    string Description,
    int CategoryId,
    string Category,
    decimal Price,
    string Currency,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ProductResponse From(Product p) => new(
        p.Id, p.Name, p.Description, p.CategoryId, p.Category?.Slug ?? "",
        Money.FromCents(p.PriceCents), p.Currency, p.CreatedAt, p.UpdatedAt);
}

public sealed record ProductPage(IReadOnlyList<ProductResponse> Items, int Total, int Page, int PageSize, int TotalPages);

public sealed record CategoryResponse(int Id, string Name, string Slug);

/// <summary>The body of admin create and replace; <see cref="InitialStock"/> only counts on create.</summary>
public sealed record ProductWriteRequest(
    [property: Required(ErrorMessage = "name is required."), StringLength(Money.MaxNameLength, ErrorMessage = "name must be at most {1} characters.")]
    string? Name,
    [property: StringLength(2000, ErrorMessage = "description must be at most {1} characters.")]
    string? Description,
    [property: Required(ErrorMessage = "categoryId is required."),
        Range(1, CatalogSeeder.CategoryCount, ErrorMessage = "categoryId must be one of the categories (GET /categories).")]
    int? CategoryId,
    [property: Required(ErrorMessage = "price is required."),
        Range(typeof(decimal), "0", "1000000", MinimumIsExclusive = true, ErrorMessage = "price must be greater than 0, at most 1000000, with at most two decimals."),
        MultipleOf(0.01, ErrorMessage = "price must be greater than 0, at most 1000000, with at most two decimals.")]
    decimal? Price,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "currency must be a three-letter ISO 4217 code in upper case, e.g. USD.")]
    string? Currency = null,
    [property: Range(0, 1_000_000, ErrorMessage = "initialStock must be between 0 and 1000000.")]
    int? InitialStock = null);
