using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>An event as read from the database at one moment: what a snapshot shows and what changes are diffed from.</summary>
public sealed record LiveEventState(
    Guid Id,
    string Title,
    Guid HostId,
    string Status,
    Guid? PinnedProductId,
    DateTime StartedAt,
    DateTime? EndedAt,
    long Version,
    IReadOnlyList<LiveProductState> Products,
    ReactionCounts Reactions)
{
    public bool IsLive => Status == LiveEvent.Live;

    public LiveEventResponse ToResponse(TimeSpan statedDelay) => new(
        Id, Title, HostId, Status, PinnedProductId, StartedAt, EndedAt,
        Products.Select(p => p.ToResponse()).ToList(), Reactions, (int)statedDelay.TotalMilliseconds);
}

public sealed record LiveProductState(
    Guid ProductId,
    string Name,
    long PriceCents,
    long StartPriceCents,
    string Currency,
    long ProductVersion,
    int Available,
    long StockVersion,
    DateTime StockChangedAt)
{
    public LiveProductResponse ToResponse() => new(
        ProductId, Name, Money.FromCents(PriceCents), Money.FromCents(StartPriceCents), Currency, Available, StockVersion,
        StockVersion == 0 ? null : StockChangedAt);
}
