namespace Storefront.Api.Infrastructure.Http;

/// <summary>One page of a list: <c>{items, total, page, pageSize, totalPages}</c>.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, int TotalPages);

/// <summary>Builds <see cref="PagedResponse{T}"/> with totalPages worked out.</summary>
public static class PagedResponse
{
    public static PagedResponse<T> Create<T>(IReadOnlyList<T> items, int total, int page, int pageSize) =>
        new(items, total, page, pageSize, pageSize <= 0 ? 0 : (int)Math.Ceiling(total / (double)pageSize));
}
