namespace Storefront.Api.Infrastructure.Http;

/// <summary>
/// The bounds of <c>page</c> and <c>pageSize</c> on every list endpoint. The page is bounded too: the offset
/// <c>(page - 1) * pageSize</c> must fit an int, or a hostile <c>page=2147483647</c> overflows it.
/// </summary>
public static class Paging
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 1_000_000;

    public static void Validate(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"page must be between 1 and {MaxPage}."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
    }
}
