using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Recommendations;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Recommendations;

/// <summary>The commerce host with a one-second recommendation freshness, so tests can watch the counts move.</summary>
public sealed class RecommendationsHost() : CommerceHost(new Dictionary<string, string?> { ["Storefront:Recommendations:Freshness"] = "00:00:01" })
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
}

/// <summary><c>/products/{id}/recommendations</c> from real orders: what counts, how the social proof moves, the stated freshness.</summary>
public sealed class RecommendationsTests(RecommendationsHost host) : IClassFixture<RecommendationsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bought_together_ranks_by_live_orders_and_ignores_cancelled_ones()
    {
        var admin = await host.AdminAsync();
        var (a, b, c, d) = (await admin.CreateProductAsync(50), await admin.CreateProductAsync(50), await admin.CreateProductAsync(50), await admin.CreateProductAsync(50));
        var shopper = await host.ShopperAsync();
        await OrderAsync(shopper, (a.Id, 1), (b.Id, 2));
        await OrderAsync(shopper, (a.Id, 1), (b.Id, 1));
        await OrderAsync(shopper, (a.Id, 1), (c.Id, 1));
        var cancelled = await OrderAsync(shopper, (a.Id, 1), (d.Id, 5));
        (await shopper.PostAsync($"/api/v1/orders/{cancelled.Id}/cancel", null, Ct)).EnsureSuccessStatusCode();

        var recommended = await ReadAsync(a.Id);

        Assert.Equal([b.Id, c.Id], recommended.BoughtTogether.Select(r => r.Product.Id));
        Assert.Equal([2, 1], recommended.BoughtTogether.Select(r => r.OrdersTogether!.Value));
        Assert.Equal(3, recommended.BoughtTogether[0].Sold24h);
        Assert.DoesNotContain(recommended.BoughtTogether, r => r.Product.Id == d.Id);
    }

    [Fact]
    public async Task Counts_move_when_orders_are_placed_within_the_stated_freshness_and_not_before()
    {
        var admin = await host.AdminAsync();
        var (a, b) = (await admin.CreateProductAsync(50), await admin.CreateProductAsync(50));
        var shopper = await host.ShopperAsync();
        await OrderAsync(shopper, (a.Id, 1), (b.Id, 1));
        var response = await host.App.CreateClient().GetAsync($"/api/v1/products/{a.Id}/recommendations", Ct);
        var before = (await response.Content.ReadFromJsonAsync<RecommendationsResponse>(Ct))!;
        Assert.Equal("public, max-age=1", response.Headers.CacheControl!.ToString());
        Assert.Equal(1, before.MaxAgeSeconds);

        await OrderAsync(shopper, (a.Id, 1), (b.Id, 3));
        var cached = await ReadAsync(a.Id);
        await Task.Delay(RecommendationsHost.Freshness + TimeSpan.FromMilliseconds(100), Ct);
        var after = await ReadAsync(a.Id);

        Assert.Equal(before.GeneratedAt, cached.GeneratedAt);
        Assert.Equal(1, cached.BoughtTogether.Single().Sold24h);
        Assert.True(after.GeneratedAt > before.GeneratedAt);
        Assert.Equal((4, 2), (after.BoughtTogether.Single().Sold24h, after.BoughtTogether.Single().OrdersTogether!.Value));
    }

    [Fact]
    public async Task Trending_similar_and_viewing_now_come_from_orders_catalog_and_page_views()
    {
        var admin = await host.AdminAsync();
        var anchor = await admin.CreateProductAsync(50, price: 100m, categoryId: 8);
        var near = await admin.CreateProductAsync(50, price: 101m, categoryId: 8);
        var far = await admin.CreateProductAsync(50, price: 900m, categoryId: 8);
        var otherCategory = await admin.CreateProductAsync(50, price: 100m, categoryId: 9);
        var hot = await admin.CreateProductAsync(1000, price: 5m);
        await OrderAsync(await host.ShopperAsync(), (hot.Id, 400));
        // Two people open the near product's page (one of them twice): two viewing now.
        var (first, second) = (await host.NewShopperAsync(), await host.NewShopperAsync());
        foreach (var viewer in new[] { first, first, second })
        {
            (await viewer.GetAsync($"/api/v1/products/{near.Id}", Ct)).EnsureSuccessStatusCode();
        }

        var recommended = await ReadAsync(anchor.Id);

        Assert.Equal(hot.Id, recommended.TrendingNow[0].Product.Id);
        Assert.Equal(400, recommended.TrendingNow[0].Sold24h);
        Assert.Equal(near.Id, recommended.Similar[0].Product.Id);
        Assert.All(recommended.Similar, r => Assert.Equal(8, r.Product.CategoryId));
        Assert.DoesNotContain(recommended.Similar, r => r.Product.Id == anchor.Id || r.Product.Id == otherCategory.Id);
        Assert.True(recommended.Similar.ToList().FindIndex(r => r.Product.Id == far.Id) is -1 or > 0);
        Assert.Equal(2, recommended.Similar[0].ViewingNow);
    }

    [Fact]
    public async Task Prices_follow_the_shopper_context_and_an_unknown_product_is_404()
    {
        var admin = await host.AdminAsync();
        var anchor = await admin.CreateProductAsync(50, price: 10m, categoryId: 7);
        await admin.CreateProductAsync(50, price: 10m, categoryId: 7);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{anchor.Id}/recommendations");
        request.Headers.Add("X-Shopper-Context", "currency=EUR");

        var response = await host.App.CreateClient().SendAsync(request, Ct);
        var missing = await host.App.CreateClient().GetAsync($"/api/v1/products/{Guid.NewGuid()}/recommendations", Ct);

        var body = (await response.Content.ReadFromJsonAsync<RecommendationsResponse>(Ct))!;
        Assert.All(body.Similar.Concat(body.TrendingNow), r => Assert.Equal("EUR", r.Product.Currency));
        Assert.Contains("X-Shopper-Context", response.Headers.Vary);
        await missing.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<OrderResponse> OrderAsync(HttpClient shopper, params (Guid ProductId, int Quantity)[] lines)
    {
        var body = new { items = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }), shippingAddress = CommerceClient.Address };
        return await (await shopper.PlaceOrderAsync(body, Guid.NewGuid().ToString())).OkAsync<OrderResponse>(HttpStatusCode.Created);
    }

    private async Task<RecommendationsResponse> ReadAsync(Guid productId) =>
        (await host.App.CreateClient().GetFromJsonAsync<RecommendationsResponse>($"/api/v1/products/{productId}/recommendations", Ct))!;
}
