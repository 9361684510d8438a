using System.Net;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Xunit;

namespace Storefront.Api.Tests.Orders;

public sealed class OrderPlacementTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Placing_an_order_reserves_its_stock_and_answers_201_with_a_location()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10, price: 12.34m);
        var shopper = await host.ShopperAsync();

        var response = await shopper.PlaceOrderAsync(product.Id, 3);

        var order = await response.OkAsync<OrderResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/orders/{order.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(37.02m, order.Total);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(new OrderLineResponse(product.Id, product.Name, 12.34m, 3, 37.02m), Assert.Single(order.Items));
        Assert.Equal(new StockResponse(product.Id, 7, 3), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task An_order_without_an_Idempotency_Key_is_a_400_problem()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();

        var response = await shopper.PlaceOrderAsync(new { items = new[] { new { productId = product.Id, quantity = 1 } }, shippingAddress = CommerceClient.Address }, key: null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, (await shopper.GetStockAsync(product.Id)).Available);
    }

    [Fact]
    public async Task The_same_key_and_body_return_the_same_order_without_reserving_again()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var key = Guid.NewGuid().ToString();

        var first = await (await shopper.PlaceOrderAsync(product.Id, 2, key)).OkAsync<OrderResponse>(HttpStatusCode.Created);
        var again = await shopper.PlaceOrderAsync(product.Id, 2, key);

        var replayed = await again.OkAsync<OrderResponse>(HttpStatusCode.Created);
        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(new StockResponse(product.Id, 8, 2), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task Racing_duplicates_with_one_key_create_one_order_and_one_reservation()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(100);
        var shopper = await host.ShopperAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => shopper.PlaceOrderAsync(product.Id, 5, key)));

        var orders = await Task.WhenAll(responses.Select(r => r.OkAsync<OrderResponse>(HttpStatusCode.Created)));
        Assert.Single(orders.Select(o => o.Id).Distinct());
        Assert.Equal(new StockResponse(product.Id, 95, 5), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_problem()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var key = Guid.NewGuid().ToString();
        await (await shopper.PlaceOrderAsync(product.Id, 1, key)).OkAsync<OrderResponse>(HttpStatusCode.Created);

        var response = await shopper.PlaceOrderAsync(product.Id, 2, key);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(new StockResponse(product.Id, 9, 1), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_user()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var key = Guid.NewGuid().ToString();

        var mine = await (await (await host.ShopperAsync()).PlaceOrderAsync(product.Id, 1, key)).OkAsync<OrderResponse>(HttpStatusCode.Created);
        var theirs = await (await (await host.NewShopperAsync()).PlaceOrderAsync(product.Id, 1, key)).OkAsync<OrderResponse>(HttpStatusCode.Created);

        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal(2, (await host.App.CreateClient().GetStockAsync(product.Id)).Reserved);
    }

    [Fact]
    public async Task Not_enough_stock_is_a_409_naming_every_short_item_and_reserves_nothing()
    {
        var admin = await host.AdminAsync();
        var plenty = await admin.CreateProductAsync(50);
        var scarce = await admin.CreateProductAsync(2);
        var none = await admin.CreateProductAsync(0);
        var shopper = await host.ShopperAsync();
        var body = new
        {
            items = new[] { new { productId = plenty.Id, quantity = 5 }, new { productId = scarce.Id, quantity = 3 }, new { productId = none.Id, quantity = 1 } },
            shippingAddress = CommerceClient.Address,
        };

        var response = await shopper.PlaceOrderAsync(body, Guid.NewGuid().ToString());

        var items = (await response.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("productId").GetGuid(), i.GetProperty("requested").GetInt32(), i.GetProperty("available").GetInt32()))
            .OrderBy(i => i.Item2).ToList();
        Assert.Equal([(none.Id, 1, 0), (scarce.Id, 3, 2)], items);
        Assert.Equal(new StockResponse(plenty.Id, 50, 0), await shopper.GetStockAsync(plenty.Id));
        Assert.Equal(new StockResponse(scarce.Id, 2, 0), await shopper.GetStockAsync(scarce.Id));
    }

    [Fact]
    public async Task An_unknown_product_is_a_400_problem_on_that_line()
    {
        var shopper = await host.ShopperAsync();

        var response = await shopper.PlaceOrderAsync(Guid.NewGuid(), 1);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].productId", out _));
    }

    [Fact]
    public async Task Invalid_lines_and_address_fields_get_an_error_each()
    {
        var shopper = await host.ShopperAsync();
        var body = new
        {
            items = new[] { new { productId = Guid.NewGuid(), quantity = 0 } },
            shippingAddress = new { name = "", line1 = "1 Way", city = "", postalCode = "1", country = "Germany" },
        };

        var response = await shopper.PlaceOrderAsync(body, Guid.NewGuid().ToString());

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "items[0].quantity", "shippingAddress.name", "shippingAddress.city", "shippingAddress.country" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Orders_require_a_signed_in_user()
    {
        var response = await host.App.CreateClient().PlaceOrderAsync(Guid.NewGuid(), 1);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_lines_of_one_product_are_merged()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10, price: 2m);
        var shopper = await host.ShopperAsync();
        var body = new { items = new[] { new { productId = product.Id, quantity = 2 }, new { productId = product.Id, quantity = 3 } }, shippingAddress = CommerceClient.Address };

        var order = await (await shopper.PlaceOrderAsync(body, Guid.NewGuid().ToString())).OkAsync<OrderResponse>(HttpStatusCode.Created);

        Assert.Equal(5, Assert.Single(order.Items).Quantity);
        Assert.Equal(10m, order.Total);
        Assert.Equal(5, (await shopper.GetStockAsync(product.Id)).Reserved);
    }
}
