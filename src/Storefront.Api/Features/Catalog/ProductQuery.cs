using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Storefront.Api.Infrastructure.Http;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Features.Catalog;

/// <summary>The query string of <c>GET /products</c>.</summary>
public sealed record ProductQuery(
    [property: StringLength(ProductQuery.MaxTextLength)] string? Q,
    [property: StringLength(ProductQuery.MaxTextLength)] string? Category,
    [property: Range(typeof(decimal), "0", "100000000"), MultipleOf(0.01)] decimal? MinPrice,
    [property: Range(typeof(decimal), "0", "100000000"), MultipleOf(0.01)] decimal? MaxPrice,
    [property: AllowedValues(null, "name", "-name", "price", "-price", "createdAt", "-createdAt")] string? Sort,
    [property: Range(1, Paging.MaxPage)] int? Page,
    [property: Range(1, Paging.MaxPageSize)] int? PageSize) : IValidatableObject
{
    public const int MaxPageSize = Paging.MaxPageSize;
    public const int DefaultPageSize = Paging.DefaultPageSize;
    public const int MaxTextLength = 200;
    public static readonly string[] SortKeys = ["name", "-name", "price", "-price", "createdAt", "-createdAt"];

    public int PageOrDefault => Page ?? 1;

    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;

    /// <summary>
    /// Equal for queries that select the same page (same filters after trimming and case folding, defaults
    /// filled in): the <see cref="CatalogCache"/> key. Only meaningful once <see cref="Validate"/> passed.
    /// </summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"{Sort ?? "name"}|{PageOrDefault}|{PageSizeOrDefault}|{Money.ToCents(MinPrice ?? -1m)}|{Money.ToCents(MaxPrice ?? -1m)}|{Category?.Trim().Length}:{Category?.Trim()}|{Q?.Trim().ToLowerInvariant()}");

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Validate().Select(e => new ValidationResult(e.Value[0], [char.ToUpperInvariant(e.Key[0]) + e.Key[1..]]));

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Validate(Page, PageSize, errors);

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

        if (Q is { Length: > MaxTextLength })
        {
            errors["q"] = [$"q must be at most {MaxTextLength} characters."];
        }

        if (Category is { Length: > MaxTextLength })
        {
            errors["category"] = [$"category must be at most {MaxTextLength} characters."];
        }

        // PostgreSQL cannot compare against a string holding NUL (error 22021): refused here on both databases.
        foreach (var (name, value) in new[] { ("q", Q), ("category", Category), ("sort", Sort) })
        {
            if (value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                errors[name] = [RequestRules.NoNulMessage];
            }
        }

        return errors;
    }
}
