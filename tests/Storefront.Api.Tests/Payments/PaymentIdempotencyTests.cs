using System.Net;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Payments;

public sealed class PaymentIdempotencyTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    [Fact]
    public async Task One_key_raced_twenty_times_charges_once_and_every_response_names_the_same_payment()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 2);
        var key = Guid.NewGuid().ToString();

        // The slow card keeps the first charge in flight while the others arrive.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => shopper.PayAsync(order.Id, Cards.Slow, key)));

        var payments = await Task.WhenAll(responses.Select(r => r.OkAsync<PaymentResponse>(HttpStatusCode.Created)));
        Assert.Single(payments.Select(p => p.Id).Distinct());
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
        Assert.Equal(new StockResponse(product.Id, 8, 0), await shopper.GetStockAsync(product.Id));
    }

    [Fact]
    public async Task The_same_key_with_a_different_card_is_a_422_problem()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
        var key = Guid.NewGuid().ToString();
        await (await shopper.PayAsync(order.Id, Cards.Succeeds, key)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        var response = await shopper.PayAsync(order.Id, "5555555555554444", key);

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
    }

    [Fact]
    public async Task A_paid_order_cannot_be_paid_again_with_a_new_key()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
        await (await shopper.PayAsync(order.Id, Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        var second = await shopper.PayAsync(order.Id, Cards.Succeeds);

        // The order's state has its own member: "status" is the problem's HTTP status, never a second "status" in one body.
        var problem = await second.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("paid", "order_not_payable", 409), (problem.GetProperty("orderStatus").GetString(), problem.GetProperty("code").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
    }

    [Fact]
    public async Task Different_keys_racing_for_one_order_charge_it_once()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => shopper.PayAsync(order.Id, Cards.Slow)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
    }
}
