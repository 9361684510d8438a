using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Inventory;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// Issue 7's SSE measurement: how long after a stock change a viewer of /inventory/stream sees it. The SLA
/// is 1 s; a test on a shared machine must not time it, so the delay is printed (and the performance report
/// reads it) while the test holds the behaviour: the right event, with the right numbers, within 10 s.
/// </summary>
public sealed class StockPropagationDelayTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adjustment_reaches_a_stream_viewer_with_the_new_stock()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(10);
        await using var viewer = await SseReader.OpenAsync(host.App.CreateClient(), lastEventId: null, Ct);

        var clock = Stopwatch.StartNew();
        var adjust = await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 5, reason = "propagation" }, Ct);
        var seen = await viewer.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal));
        var delay = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, adjust.StatusCode);
        Assert.Equal("stock", seen.Type);
        var data = JsonDocument.Parse(seen.Data).RootElement;
        Assert.Equal(15, data.GetProperty("available").GetInt32());
        Report("admin adjust", delay);
    }

    [Fact]
    public async Task Every_viewer_sees_an_order_reserve_stock()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var viewers = new List<SseReader>();
        for (var i = 0; i < 5; i++)
        {
            viewers.Add(await SseReader.OpenAsync(host.App.CreateClient(), lastEventId: null, Ct));
        }

        try
        {
            var clock = Stopwatch.StartNew();
            await shopper.PlaceOrderOkAsync(product.Id, 4);
            var delays = await Task.WhenAll(viewers.Select(async viewer =>
            {
                var seen = await viewer.NextEventAsync(e => e.Data.Contains(product.Id.ToString(), StringComparison.Ordinal));
                var data = JsonDocument.Parse(seen.Data).RootElement;
                Assert.Equal(6, data.GetProperty("available").GetInt32());
                Assert.Equal(4, data.GetProperty("reserved").GetInt32());
                return clock.Elapsed;
            }));

            Report("order reservation, slowest of 5 viewers", delays.Max());
        }
        finally
        {
            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }
        }
    }

    private static void Report(string what, TimeSpan delay) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"SSE propagation ({what}): {delay.TotalMilliseconds:F1} ms from request to event (SLA 1000 ms)");
}
