using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Xunit;

namespace Storefront.Api.Tests.Orders;

public sealed class OrderSecurityTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_users_order_cannot_be_read_cancelled_or_paid()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var owner = await host.ShopperAsync();
        var intruder = await host.NewShopperAsync();
        var order = await owner.PlaceOrderOkAsync(product.Id, 2);

        await (await intruder.GetAsync($"/api/v1/orders/{order.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PayAsync(order.Id, SimulatedPaymentProvider.Cards.Succeeds)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty((await intruder.GetFromJsonAsync<OrderPage>("/api/v1/orders", Ct))!.Items);
        Assert.Equal(OrderStatus.PendingPayment, (await owner.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(new StockResponse(product.Id, 8, 2), await owner.GetStockAsync(product.Id));
        Assert.DoesNotContain(host.Charges, c => c.OrderId == order.Id);
    }

    [Fact]
    public async Task Sql_and_script_looking_address_text_is_stored_and_returned_literally()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var address = new
        {
            name = "<script>alert(1)</script>",
            line1 = "'; DROP TABLE products; --",
            line2 = "\" OR 1=1 --",
            city = "<img src=x onerror=alert(2)>",
            postalCode = "0' OR '1'='1",
            country = "US",
        };

        var placed = await (await shopper.PlaceOrderAsync(product.Id, 1, address: address)).OkAsync<OrderResponse>(HttpStatusCode.Created);
        var read = await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{placed.Id}", Ct);

        Assert.Equal(new ShippingAddressResponse(address.name, address.line1, address.line2, address.city, address.postalCode, "US"), read!.ShippingAddress);
        Assert.True((await host.App.CreateClient().GetFromJsonAsync<Features.Catalog.ProductPage>("/api/v1/products", Ct))!.Total > 0);
    }
}
