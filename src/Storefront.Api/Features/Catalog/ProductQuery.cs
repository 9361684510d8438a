using System.Globalization;

namespace Storefront.Api.Features.Catalog;

/// <summary>The query string of <c>GET /products</c>.</summary>
public sealed record ProductQuery(
    string? Q,
    string? Category,
    decimal? MinPrice,
    decimal? MaxPrice,
    string? Sort,
    int? Page,
    int? PageSize)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public static readonly string[] SortKeys = ["name", "-name", "price", "-price", "createdAt", "-createdAt"];

    public int PageOrDefault => Page ?? 1;

    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;

    /// <summary>
    /// Equal for queries that select the same page (same filters after trimming and case folding, defaults
    /// filled in): the <see cref="CatalogCache"/> key. Only meaningful once <see cref="Validate"/> passed.
    /// </summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"{Sort ?? "name"}|{PageOrDefault}|{PageSizeOrDefault}|{Money.ToCents(MinPrice ?? -1m)}|{Money.ToCents(MaxPrice ?? -1m)}|{Category?.Trim().Length}:{Category?.Trim()}|{Q?.Trim().ToLowerInvariant()}");

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page is < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        if (MinPrice is < 0 || (MinPrice is { } min && Money.ToCents(min) is null))
        {
            errors["minPrice"] = ["minPrice must be a non-negative amount with at most two decimals."];
        }

        if (MaxPrice is < 0 || (MaxPrice is { } max && Money.ToCents(max) is null))
        {
            errors["maxPrice"] = ["maxPrice must be a non-negative amount with at most two decimals."];
        }
        else if (MinPrice > MaxPrice)
        {
            errors["maxPrice"] = ["maxPrice must not be less than minPrice."];
        }

        if (Sort is not null && !SortKeys.Contains(Sort, StringComparer.Ordinal))
        {
            errors["sort"] = [$"sort must be one of: {string.Join(", ", SortKeys)}."];
        }

        if (Q is { Length: > 200 })
        {
            errors["q"] = ["q must be at most 200 characters."];
        }

        return errors;
    }
}
