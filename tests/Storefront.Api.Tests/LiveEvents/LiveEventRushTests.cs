using System.Diagnostics;
using System.Net;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary>
/// The promise made to viewers, checked under a rush of parallel orders: the event never oversells, and every order's
/// effect on the ledger is on the viewer's screen within the stated delay of the order's 201.
/// </summary>
public sealed class LiveEventRushTests(LiveEventHost host) : IClassFixture<LiveEventHost>
{
    private const int Stock = 20;
    private const int Orders = 60;

    [Fact]
    public async Task Sixty_parallel_orders_for_twenty_units_sell_twenty_and_the_viewer_sees_each_within_the_stated_delay()
    {
        var live = await host.OpenEventAsync(Stock);
        var product = live.Products[0].ProductId;
        HttpClient[] shoppers = [await host.ShopperAsync(), await host.NewShopperAsync()];
        await using var viewer = await LiveStreamReader.OpenAsync(host.App.CreateClient(), live.Id, TestContext.Current.CancellationToken);
        using var start = new SemaphoreSlim(0);

        var orders = Enumerable.Range(0, Orders).Select(async i =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            var status = (await shoppers[i % shoppers.Length].PlaceOrderAsync(product, 1)).StatusCode;
            return (Status: status, AnsweredAt: DateTime.UtcNow);
        }).ToList();
        start.Release(Orders);
        var answers = await Task.WhenAll(orders);

        var sold = answers.Where(a => a.Status == HttpStatusCode.Created).OrderBy(a => a.AnsweredAt).ToList();
        Assert.Equal(Stock, sold.Count);
        Assert.Equal(Orders - Stock, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        Assert.Equal(0, (await host.App.CreateClient().GetStockAsync(product)).Available);

        // When the k-th 201 was answered the ledger held at most Stock - k: the viewer must show that by then + the delay.
        await viewer.WaitForAsync(e => IsStock(e, product) && e.Data.GetProperty("available").GetInt32() == 0, LiveEventHost.StatedDelay * 5);
        var shown = viewer.Events.Where(e => IsStock(e, product)).ToList();
        var worst = TimeSpan.Zero;
        for (var k = 1; k <= sold.Count; k++)
        {
            var first = shown.First(e => e.Data.GetProperty("available").GetInt32() <= Stock - k);
            var late = first.ArrivedAt - sold[k - 1].AnsweredAt;
            worst = late > worst ? late : worst;
            Assert.True(late <= LiveEventHost.StatedDelay, $"stock {Stock - k} reached the viewer {late.TotalMilliseconds:0} ms after the order's 201");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"worst lag after a 201: {worst.TotalMilliseconds:0} ms; {shown.Count} stock events for {sold.Count} sales");

        // Never backwards, never below zero.
        var versions = shown.Select(e => e.Data.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.All(shown, e => Assert.InRange(e.Data.GetProperty("available").GetInt32(), 0, Stock));
    }

    [Fact]
    public async Task An_admin_adjustment_reaches_the_viewer_within_the_stated_delay()
    {
        var live = await host.OpenEventAsync(5);
        var product = live.Products[0].ProductId;
        await using var viewer = await LiveStreamReader.OpenAsync(host.App.CreateClient(), live.Id, TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        var adjusted = await (await host.AdminAsync()).PostAsync(
            $"/api/v1/inventory/{product}/adjust",
            System.Net.Http.Json.JsonContent.Create(new { delta = 7, reason = "restock during the show" }),
            TestContext.Current.CancellationToken);
        adjusted.EnsureSuccessStatusCode();
        var answered = DateTime.UtcNow;

        var stock = await viewer.WaitForAsync(e => IsStock(e, product) && e.Data.GetProperty("available").GetInt32() == 12, LiveEventHost.StatedDelay * 5);
        Assert.True(stock.ArrivedAt - answered <= LiveEventHost.StatedDelay, $"{(stock.ArrivedAt - answered).TotalMilliseconds:0} ms after the 200 ({clock.ElapsedMilliseconds} ms in all)");
    }

    private static bool IsStock(LiveStreamReader.Received e, Guid product) =>
        e.Type == "stock" && e.Data.GetProperty("productId").GetGuid() == product;
}
