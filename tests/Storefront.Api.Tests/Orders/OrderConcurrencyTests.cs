using System.Net;
using Storefront.Api.Features.Inventory;
using Xunit;

namespace Storefront.Api.Tests.Orders;

public sealed class OrderConcurrencyTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    [Fact]
    public async Task Two_hundred_parallel_orders_for_fifty_units_sell_exactly_fifty()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(50);
        HttpClient[] shoppers = [await host.ShopperAsync(), await host.NewShopperAsync()];
        using var start = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            return (await shoppers[i % shoppers.Length].PlaceOrderAsync(product.Id, 1)).StatusCode;
        }).ToList();
        start.Release(200);
        var statuses = await Task.WhenAll(requests);

        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(150, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(new StockResponse(product.Id, 0, 50), await host.App.CreateClient().GetStockAsync(product.Id));
    }

    [Fact]
    public async Task Parallel_multi_line_orders_in_opposite_orders_never_oversell_or_deadlock()
    {
        var admin = await host.AdminAsync();
        var first = await admin.CreateProductAsync(30);
        var second = await admin.CreateProductAsync(30);
        var shopper = await host.ShopperAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var (a, b) = i % 2 == 0 ? (first.Id, second.Id) : (second.Id, first.Id);
            var body = new { items = new[] { new { productId = a, quantity = 1 }, new { productId = b, quantity = 1 } }, shippingAddress = CommerceClient.Address };
            return (await shopper.PlaceOrderAsync(body, Guid.NewGuid().ToString())).StatusCode;
        }));

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(new StockResponse(first.Id, 0, 30), await shopper.GetStockAsync(first.Id));
        Assert.Equal(new StockResponse(second.Id, 0, 30), await shopper.GetStockAsync(second.Id));
    }
}
