using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Inventory;

public sealed class InventoryStreamTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stream_delivers_a_stock_event_after_an_adjustment()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(10);
        await using var stream = await SseReader.OpenAsync(host.App.CreateClient(), lastEventId: null, Ct);
        Assert.Equal("text/event-stream", stream.MediaType);

        await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 7, reason = "restock" }, Ct);
        var received = await stream.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal));

        Assert.Equal("stock", received.Type);
        Assert.True(received.Id > 0);
        var data = JsonDocument.Parse(received.Data).RootElement;
        Assert.Equal(17, data.GetProperty("available").GetInt32());
        Assert.Equal(0, data.GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Stream_resumes_after_Last_Event_ID_with_the_events_missed()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(10);
        long firstId;
        await using (var first = await SseReader.OpenAsync(host.App.CreateClient(), lastEventId: null, Ct))
        {
            await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 1, reason = "one" }, Ct);
            firstId = (await first.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal))).Id;
        }

        // Missed while disconnected: a stock change and a price change.
        await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 2, reason = "two" }, Ct);
        await admin.PutAsJsonAsync($"/api/v1/products/{product.Id}", new { name = product.Name, categoryId = 1, price = 77.7m }, Ct);

        await using var resumed = await SseReader.OpenAsync(host.App.CreateClient(), firstId, Ct);
        var stock = await resumed.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal));
        var price = await resumed.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal));

        Assert.True(stock.Id > firstId);
        Assert.Equal("stock", stock.Type);
        Assert.Equal(13, JsonDocument.Parse(stock.Data).RootElement.GetProperty("available").GetInt32());
        Assert.Equal("price", price.Type);
        Assert.True(price.Id > stock.Id);
        Assert.Equal(77.7m, JsonDocument.Parse(price.Data).RootElement.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Idle_stream_sends_heartbeat_comments()
    {
        await using var stream = await SseReader.OpenAsync(host.App.CreateClient(), lastEventId: null, Ct);

        var comment = await stream.NextCommentAsync("heartbeat");

        Assert.Equal("heartbeat", comment);
    }
}
