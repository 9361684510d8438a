using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Xunit;

namespace Storefront.Api.Tests.Orders;

public sealed class OrderLifecycleTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cancelling_an_unpaid_order_releases_its_reservation()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 4);

        var cancelled = await (await shopper.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct)).OkAsync<OrderResponse>();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(new StockResponse(product.Id, 10, 0), await shopper.GetStockAsync(product.Id));
        var again = await shopper.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct);
        Assert.Equal(OrderStatus.Cancelled, (await again.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("orderStatus").GetString());
        Assert.Equal(new StockResponse(product.Id, 10, 0), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task A_paid_order_cannot_be_cancelled()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
        await (await shopper.PayAsync(order.Id, SimulatedPaymentProvider.Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        var response = await shopper.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct);

        Assert.Equal(OrderStatus.Paid, (await response.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("orderStatus").GetString());
        Assert.Equal(new StockResponse(product.Id, 9, 0), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task Shoppers_list_only_their_own_orders_newest_first_in_pages()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(20);
        var shopper = await host.NewShopperAsync();
        var mine = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await shopper.PlaceOrderOkAsync(product.Id, 1)).Id);
        }

        await (await host.ShopperAsync()).PlaceOrderOkAsync(product.Id, 1);

        var first = await shopper.GetFromJsonAsync<OrderPage>("/api/v1/orders?pageSize=2", Ct);
        var second = await shopper.GetFromJsonAsync<OrderPage>("/api/v1/orders?pageSize=2&page=2", Ct);

        Assert.Equal(3, first!.Total);
        Assert.Equal(2, first.TotalPages);
        Assert.Equal(Enumerable.Reverse(mine), first.Items.Concat(second!.Items).Select(o => o.Id));
        Assert.Equal(mine[0], (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{mine[0]}", Ct))!.Id);
    }
}

public sealed class OrderExpiryTests(FastExpiryCommerceHost host) : IClassFixture<FastExpiryCommerceHost>
{
    [Fact]
    public async Task Unpaid_orders_expire_and_release_their_stock()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 6);
        Assert.Equal(6, (await shopper.GetStockAsync(product.Id)).Reserved);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        OrderResponse? current;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            current = await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", TestContext.Current.CancellationToken);
        }
        while (current!.Status == OrderStatus.PendingPayment && DateTime.UtcNow < deadline);

        Assert.Equal(OrderStatus.Expired, current.Status);
        Assert.Equal(new StockResponse(product.Id, 10, 0), await shopper.GetStockAsync(product.Id));
        var pay = await shopper.PayAsync(order.Id, SimulatedPaymentProvider.Cards.Succeeds);
        Assert.Equal(OrderStatus.Expired, (await pay.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("orderStatus").GetString());
        Assert.DoesNotContain(host.Charges, c => c.OrderId == order.Id);
    }
}
