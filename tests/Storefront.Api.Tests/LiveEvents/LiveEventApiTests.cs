using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.LiveEvents;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary>Opening, reading, pinning, dropping a price and ending an event; who may, and problem+json for bad input.</summary>
public sealed class LiveEventApiTests(LiveEventHost host) : IClassFixture<LiveEventHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_creator_opens_an_event_with_its_products_stock_and_the_stated_delay()
    {
        var live = await host.OpenEventAsync(7, 3);

        Assert.Equal(LiveEvent.Live, live.Status);
        Assert.Equal([7, 3], live.Products.Select(p => p.Available));
        Assert.All(live.Products, p => Assert.Equal(40m, p.StartPrice));
        Assert.Equal(ReactionCounts.None, live.Reactions);
        Assert.Equal((int)LiveEventHost.StatedDelay.TotalMilliseconds, live.StatedDelayMs);
        var read = await host.App.CreateClient().GetFromJsonAsync<LiveEventResponse>($"/api/v1/live-events/{live.Id}", Ct);
        Assert.Equal(live.Id, read!.Id);
        var list = await host.App.CreateClient().GetFromJsonAsync<LiveEventList>("/api/v1/live-events", Ct);
        Assert.Contains(list!.Items, e => e.Id == live.Id);
    }

    [Fact]
    public async Task Shoppers_cannot_open_events_and_anonymous_callers_must_log_in()
    {
        var body = new { title = "Mine", productIds = new[] { Guid.NewGuid() } };

        var shopper = await (await host.ShopperAsync()).PostAsJsonAsync("/api/v1/live-events", body, Ct);
        var anonymous = await host.App.CreateClient().PostAsJsonAsync("/api/v1/live-events", body, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, shopper.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_problem_json()
    {
        var creator = await host.CreatorAsync();

        var empty = await creator.PostAsJsonAsync("/api/v1/live-events", new { title = "x", productIds = Array.Empty<Guid>() }, Ct);
        var unknown = await creator.PostAsJsonAsync("/api/v1/live-events", new { title = "x", productIds = new[] { Guid.NewGuid() } }, Ct);
        var missing = await host.App.CreateClient().GetAsync($"/api/v1/live-events/{Guid.NewGuid()}", Ct);
        var missingStream = await host.App.CreateClient().GetAsync($"/api/v1/live-events/{Guid.NewGuid()}/stream", Ct);

        Assert.True((await empty.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("productIds", out _));
        Assert.True((await unknown.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("productIds", out _));
        Assert.Equal("live_event_not_found", (await missing.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await missingStream.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pin_and_price_drop_apply_to_featured_products_only_and_a_drop_must_lower_the_price()
    {
        var live = await host.OpenEventAsync(5);
        var creator = await host.CreatorAsync();
        var product = live.Products[0].ProductId;

        var pinned = await (await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/pin", new { productId = product }, Ct)).OkAsync<LiveEventResponse>();
        var notFeatured = await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/pin", new { productId = Guid.NewGuid() }, Ct);
        var dropped = await (await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/price-drops", new { productId = product, price = 29.99m }, Ct)).OkAsync<LiveEventResponse>();
        var raise = await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/price-drops", new { productId = product, price = 35m }, Ct);
        var badPrice = await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/price-drops", new { productId = product, price = 1.234m }, Ct);

        Assert.Equal(product, pinned.PinnedProductId);
        Assert.Equal("product_not_featured", (await notFeatured.ProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal(29.99m, dropped.Products[0].Price);
        Assert.Equal(40m, dropped.Products[0].StartPrice);
        Assert.Equal("price_not_lowered", (await raise.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await badPrice.ProblemAsync(HttpStatusCode.BadRequest);
        // The catalog shows the dropped price at once, and orders are priced with it.
        var catalog = await host.App.CreateClient().GetFromJsonAsync<Storefront.Api.Features.Catalog.ProductResponse>($"/api/v1/products/{product}", Ct);
        Assert.Equal(29.99m, catalog!.Price);
        var order = await (await host.ShopperAsync()).PlaceOrderOkAsync(product, 1);
        Assert.Equal(29.99m, order.Total);
    }

    [Fact]
    public async Task Only_the_host_or_an_admin_changes_an_event_and_an_ended_event_refuses_changes()
    {
        var live = await host.OpenEventAsync(5);
        var product = live.Products[0].ProductId;

        var stranger = await (await host.ShopperAsync()).PostAsJsonAsync($"/api/v1/live-events/{live.Id}/end", new { }, Ct);
        var ended = await (await host.AdminAsync()).PostAsJsonAsync($"/api/v1/live-events/{live.Id}/end", new { }, Ct);
        var again = await (await host.CreatorAsync()).PostAsJsonAsync($"/api/v1/live-events/{live.Id}/pin", new { productId = product }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var body = await ended.OkAsync<LiveEventResponse>();
        Assert.Equal(LiveEvent.Ended, body.Status);
        Assert.NotNull(body.EndedAt);
        Assert.Equal("live_event_ended", (await again.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }
}
