namespace Pacer.Hub.Infrastructure.Api;

/// <summary>A list answer: <c>data.items</c> and <c>data.meta</c> (as kest's platform pages lists).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, PageMeta Meta);

public static class Paged
{
    /// <summary>A whole (unpaged) list.</summary>
    public static Paged<T> All<T>(IReadOnlyList<T> items) => new(items, new PageMeta(items.Count, 1, Math.Max(1, items.Count)));
}

public sealed record PageMeta(long Total, int Page, int PerPage);

/// <summary><c>?page=</c> and <c>?per_page=</c>, clamped to sane values.</summary>
public readonly record struct PageRequest(int Page, int PerPage)
{
    public int Skip => (Page - 1) * PerPage;

    public static PageRequest From(int? page, int? perPage, int defaultSize = 50) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(perPage ?? defaultSize, 1, 200));
}
