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
    string? Name,
    string? Description,
    int? CategoryId,
    decimal? Price,
    string? Currency,
    int? InitialStock);
