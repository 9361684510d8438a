using System.ComponentModel.DataAnnotations;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Features.LiveEvents;

public sealed record OpenLiveEventRequest(
    [property: Required(ErrorMessage = "is required."), StringLength(LiveEventRules.MaxTitleLength, MinimumLength = 1, ErrorMessage = "must be 1 to {1} characters.")]
    string? Title,
    [property: Required(ErrorMessage = "is required."), Length(1, LiveEventRules.MaxFeaturedProducts, ErrorMessage = "must list {1} to {2} products.")]
    IReadOnlyList<Guid>? ProductIds);

public sealed record PinProductRequest(
    [property: Required(ErrorMessage = "is required.")]
    Guid? ProductId);

public sealed record PriceDropRequest(
    [property: Required(ErrorMessage = "is required.")]
    Guid? ProductId,
    [property: Required(ErrorMessage = "is required."),
        Range(typeof(decimal), "0", "1000000", MinimumIsExclusive = true, ErrorMessage = "must be greater than 0, at most 1000000, with at most two decimals."),
        MultipleOf(0.01, ErrorMessage = "must be greater than 0, at most 1000000, with at most two decimals.")]
    decimal? Price);

/// <summary>Reaction totals so far, by kind.</summary>
public sealed record ReactionCounts(long Heart, long Fire, long Clap, long Wow, long Laugh)
{
    public static readonly ReactionCounts None = new(0, 0, 0, 0, 0);

    public static ReactionCounts From(IReadOnlyDictionary<string, long> byKind) => new(
        byKind.GetValueOrDefault("heart"), byKind.GetValueOrDefault("fire"), byKind.GetValueOrDefault("clap"),
        byKind.GetValueOrDefault("wow"), byKind.GetValueOrDefault("laugh"));
}

/// <summary>A featured product as viewers see it: the live price, the price it opened at, and the stock left.</summary>
public sealed record LiveProductResponse(
    Guid ProductId,
    string Name,
    decimal Price,
    decimal StartPrice,
    string Currency,
    int Available,
    long StockVersion,
    DateTime? StockChangedAt);

public sealed record LiveEventResponse(
    Guid Id,
    string Title,
    Guid HostId,
    string Status,
    Guid? PinnedProductId,
    DateTime StartedAt,
    DateTime? EndedAt,
    IReadOnlyList<LiveProductResponse> Products,
    ReactionCounts Reactions,
    int StatedDelayMs);

public sealed record LiveEventList(IReadOnlyList<LiveEventResponse> Items);
