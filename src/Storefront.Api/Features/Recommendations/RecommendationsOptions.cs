namespace Storefront.Api.Features.Recommendations;

/// <summary><c>Storefront:Recommendations</c> settings.</summary>
public sealed class RecommendationsOptions
{
    public const string Section = "Storefront:Recommendations";

    /// <summary>
    /// The stated freshness: a product's recommendations and their counts are computed at most this long ago
    /// (sent as <c>Cache-Control: max-age</c> and <c>generatedAt</c>). Orders move the counts within this time.
    /// </summary>
    public TimeSpan Freshness { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Someone who opened a product's page this recently counts as viewing it now.</summary>
    public TimeSpan ViewingWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Items in each list.</summary>
    public int Limit { get; set; } = 5;
}
