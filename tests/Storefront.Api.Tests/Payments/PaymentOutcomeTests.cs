using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Payments;

public sealed class PaymentOutcomeTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Shopper, OrderResponse Order, Guid ProductId)> OrderAsync(int quantity = 2, decimal price = 10m)
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10, price);
        var shopper = await host.ShopperAsync();
        return (shopper, await shopper.PlaceOrderOkAsync(product.Id, quantity), product.Id);
    }

    [Fact]
    public async Task A_good_card_captures_the_total_marks_the_order_paid_and_sells_the_stock()
    {
        var (shopper, order, productId) = await OrderAsync(quantity: 3, price: 4.5m);

        var response = await shopper.PayAsync(order.Id, "4242 4242 4242 4242");

        var payment = await response.OkAsync<PaymentResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/payments/{payment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((order.Id, PaymentStatus.Captured, 13.5m, "4242", "visa"), (payment.OrderId, payment.Status, payment.Amount, payment.Last4, payment.Brand));
        Assert.Equal(OrderStatus.Paid, (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(new StockResponse(productId, 7, 0), await shopper.GetStockAsync(productId));
        Assert.Equal(payment, await shopper.GetFromJsonAsync<PaymentResponse>($"/api/v1/payments/{payment.Id}", Ct));
    }

    [Theory]
    [InlineData(Cards.Declined, "card_declined")]
    [InlineData(Cards.InsufficientFunds, "insufficient_funds")]
    public async Task A_declined_card_is_a_402_with_a_code_and_the_order_can_be_paid_again(string card, string code)
    {
        var (shopper, order, productId) = await OrderAsync();
        var key = Guid.NewGuid().ToString();

        var declined = await shopper.PayAsync(order.Id, card, key);
        var replayed = await shopper.PayAsync(order.Id, card, key);

        Assert.Equal(code, (await declined.ProblemAsync(HttpStatusCode.PaymentRequired)).GetProperty("code").GetString());
        Assert.Equal(code, (await replayed.ProblemAsync(HttpStatusCode.PaymentRequired)).GetProperty("code").GetString());
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
        Assert.Equal(OrderStatus.PendingPayment, (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(2, (await shopper.GetStockAsync(productId)).Reserved);
        await (await shopper.PayAsync(order.Id, Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_provider_failure_is_a_502_and_leaves_the_order_payable()
    {
        var (shopper, order, productId) = await OrderAsync();

        var response = await shopper.PayAsync(order.Id, Cards.ProviderError);

        Assert.Equal("provider_error", (await response.ProblemAsync(HttpStatusCode.BadGateway)).GetProperty("code").GetString());
        Assert.Equal(OrderStatus.PendingPayment, (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(2, (await shopper.GetStockAsync(productId)).Reserved);
        await (await shopper.PayAsync(order.Id, Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_slow_card_succeeds_after_the_configured_latency()
    {
        var (shopper, order, _) = await OrderAsync();
        var clock = Stopwatch.StartNew();

        var payment = await (await shopper.PayAsync(order.Id, Cards.Slow)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        Assert.True(clock.Elapsed >= CommerceHost.SlowCardLatency - TimeSpan.FromMilliseconds(20), $"took {clock.Elapsed}");
        Assert.Equal((PaymentStatus.Captured, "0077"), (payment.Status, payment.Last4));
    }

    [Fact]
    public async Task Invalid_card_details_get_an_error_per_field_and_never_reach_the_provider()
    {
        var (shopper, order, _) = await OrderAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{order.Id}/payments")
        {
            Content = JsonContent.Create(new { method = "cash", card = new { number = "4242424242424241", expMonth = 13, expYear = 2030, cvc = "12" } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var errors = (await (await shopper.SendAsync(request, Ct)).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        var expired = await shopper.PayAsync(order.Id, Cards.Succeeds, expYear: 2020);

        foreach (var field in new[] { "method", "card.number", "card.expMonth", "card.cvc" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        // An expired card is well-formed: it is declined, as a card network declines it, not refused as invalid input.
        Assert.Equal("expired_card", (await expired.ProblemAsync(HttpStatusCode.PaymentRequired)).GetProperty("code").GetString());
        Assert.DoesNotContain(host.Charges, c => c.OrderId == order.Id);
    }

    [Fact]
    public async Task A_payment_without_an_Idempotency_Key_is_a_400_problem()
    {
        var (shopper, order, _) = await OrderAsync();

        var response = await shopper.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payments",
            new { method = "card", card = new { number = Cards.Succeeds, expMonth = 1, expYear = 2099, cvc = "123" } }, Ct);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(host.Charges, c => c.OrderId == order.Id);
    }

    [Fact]
    public async Task Authorize_only_then_capture_sells_the_stock()
    {
        var (shopper, order, productId) = await OrderAsync();

        var authorized = await (await shopper.PayAsync(order.Id, Cards.Succeeds, capture: false)).OkAsync<PaymentResponse>(HttpStatusCode.Created);
        Assert.Equal(PaymentStatus.Authorized, authorized.Status);
        Assert.Equal(OrderStatus.Authorized, (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(2, (await shopper.GetStockAsync(productId)).Reserved);

        var captured = await (await shopper.PostAsync($"/api/v1/payments/{authorized.Id}/capture", null, Ct)).OkAsync<PaymentResponse>();

        Assert.Equal(PaymentStatus.Captured, captured.Status);
        Assert.Equal(OrderStatus.Paid, (await shopper.GetFromJsonAsync<OrderResponse>($"/api/v1/orders/{order.Id}", Ct))!.Status);
        Assert.Equal(new StockResponse(productId, 8, 0), await shopper.GetStockAsync(productId));
        await (await shopper.PostAsync($"/api/v1/payments/{authorized.Id}/capture", null, Ct)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_an_authorized_order_voids_the_payment_and_releases_the_stock()
    {
        var (shopper, order, productId) = await OrderAsync();
        var authorized = await (await shopper.PayAsync(order.Id, Cards.Succeeds, capture: false)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        var cancelled = await (await shopper.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct)).OkAsync<OrderResponse>();

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(PaymentStatus.Voided, (await shopper.GetFromJsonAsync<PaymentResponse>($"/api/v1/payments/{authorized.Id}", Ct))!.Status);
        Assert.Equal(new StockResponse(productId, 10, 0), await shopper.GetStockAsync(productId));
    }
}
