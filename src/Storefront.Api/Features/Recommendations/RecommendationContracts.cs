using Storefront.Api.Features.Catalog;

namespace Storefront.Api.Features.Recommendations;

/// <summary>
/// Social proof for one recommended product: units in live orders (not cancelled or expired) placed in the last
/// 24 hours, people who opened its page within the viewing window, and (in boughtTogether) how many orders held
/// both products.
/// </summary>
public sealed record RecommendedProduct(ProductResponse Product, int Sold24h, int ViewingNow, int? OrdersTogether);

public sealed record RecommendationsResponse(
    Guid ProductId,
    IReadOnlyList<RecommendedProduct> BoughtTogether,
    IReadOnlyList<RecommendedProduct> TrendingNow,
    IReadOnlyList<RecommendedProduct> Similar,
    DateTime GeneratedAt,
    int MaxAgeSeconds);
