using System.Net.Http.Json;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary>What a viewer of <c>/live-events/{id}/stream</c> sees: a snapshot, then each change, then the end.</summary>
public sealed class LiveEventStreamTests(LiveEventHost host) : IClassFixture<LiveEventHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_gets_a_snapshot_then_stock_pin_price_and_the_end()
    {
        var live = await host.OpenEventAsync(10, 4);
        var (first, second) = (live.Products[0].ProductId, live.Products[1].ProductId);
        var creator = await host.CreatorAsync();
        await using var viewer = await LiveStreamReader.OpenAsync(host.App.CreateClient(), live.Id, Ct);

        Assert.Equal("text/event-stream", viewer.MediaType);
        var snapshot = viewer.Events[0];
        Assert.Equal("snapshot", snapshot.Type);
        Assert.Equal(10, snapshot.Data.GetProperty("products")[0].GetProperty("available").GetInt32());

        await (await host.ShopperAsync()).PlaceOrderOkAsync(first, 3);
        var stock = await viewer.WaitForAsync(e => e.Type == "stock" && e.Data.GetProperty("productId").GetGuid() == first);
        Assert.Equal(7, stock.Data.GetProperty("available").GetInt32());
        Assert.True(stock.Data.GetProperty("version").GetInt64() >= 1);

        (await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/pin", new { productId = second }, Ct)).EnsureSuccessStatusCode();
        var pinned = await viewer.WaitForAsync(e => e.Type == "pinned");
        Assert.Equal(second, pinned.Data.GetProperty("productId").GetGuid());

        (await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/price-drops", new { productId = second, price = 25m }, Ct)).EnsureSuccessStatusCode();
        var price = await viewer.WaitForAsync(e => e.Type == "price");
        Assert.Equal(25m, price.Data.GetProperty("price").GetDecimal());
        Assert.Equal(40m, price.Data.GetProperty("previousPrice").GetDecimal());

        (await creator.PostAsJsonAsync($"/api/v1/live-events/{live.Id}/end", new { }, Ct)).EnsureSuccessStatusCode();
        await viewer.WaitForAsync(e => e.Type == "ended");
        await WaitUntilAsync(() => viewer.Ended);
        Assert.True(viewer.Ended, "the stream closes after the event ends");
    }

    [Fact]
    public async Task A_viewer_joining_an_ended_event_gets_its_last_state_and_the_end()
    {
        var live = await host.OpenEventAsync(2);
        (await (await host.CreatorAsync()).PostAsJsonAsync($"/api/v1/live-events/{live.Id}/end", new { }, Ct)).EnsureSuccessStatusCode();

        await using var viewer = await LiveStreamReader.OpenAsync(host.App.CreateClient(), live.Id, Ct);

        await viewer.WaitForAsync(e => e.Type == "ended");
        Assert.Equal("ended", viewer.Events[0].Data.GetProperty("status").GetString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }
    }
}
