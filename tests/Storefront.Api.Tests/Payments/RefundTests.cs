using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Payments;

public sealed class RefundTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Shopper, PaymentResponse Payment, Guid ProductId)> PaidAsync()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10, price: 25m);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 2);
        return (shopper, await (await shopper.PayAsync(order.Id, Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created), product.Id);
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_the_captured_amount_and_no_further()
    {
        var (shopper, payment, productId) = await PaidAsync();

        var partial = await (await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 20m }, Ct))
            .OkAsync<RefundResponse>(HttpStatusCode.Created);
        var tooMuch = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 30.01m }, Ct);
        var rest = await (await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { }, Ct))
            .OkAsync<RefundResponse>(HttpStatusCode.Created);
        var afterFull = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 1m }, Ct);

        Assert.Equal((20m, PaymentStatus.PartiallyRefunded, 20m), (partial.Amount, partial.Payment.Status, partial.Payment.RefundedAmount));
        Assert.Equal(30m, (await tooMuch.ProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("refundable").GetDecimal());
        Assert.Equal((30m, PaymentStatus.Refunded, 50m), (rest.Amount, rest.Payment.Status, rest.Payment.RefundedAmount));
        await afterFull.ProblemAsync(HttpStatusCode.Conflict);

        // Refunds return money, not stock: the units stay sold.
        Assert.Equal(new StockResponse(productId, 8, 0), await shopper.GetStockAsync(productId));
    }

    [Fact]
    public async Task Concurrent_refunds_never_exceed_the_capture()
    {
        var (shopper, payment, _) = await PaidAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 10m }, Ct)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        // Losers see either "exceeds what is left" or, once nothing is left, "already refunded".
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict }));
        Assert.Equal(50m, (await shopper.GetFromJsonAsync<PaymentResponse>($"/api/v1/payments/{payment.Id}", Ct))!.RefundedAmount);
    }

    [Fact]
    public async Task Refund_amounts_must_be_positive_whole_cents()
    {
        var (shopper, payment, _) = await PaidAsync();

        foreach (var amount in new[] { 0m, -5m, 1.001m })
        {
            var response = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount }, Ct);
            Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _));
        }
    }

    [Fact]
    public async Task Declined_payments_cannot_be_refunded()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
        var declined = await (await shopper.PayAsync(order.Id, Cards.Declined)).ProblemAsync(HttpStatusCode.PaymentRequired);
        var paymentId = declined.GetProperty("paymentId").GetGuid();

        var response = await shopper.PostAsJsonAsync($"/api/v1/payments/{paymentId}/refund", new { }, Ct);

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_users_payment_is_404_for_read_refund_and_capture()
    {
        var (_, payment, _) = await PaidAsync();
        var intruder = await host.NewShopperAsync();

        await (await intruder.GetAsync($"/api/v1/payments/{payment.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { }, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruder.PostAsync($"/api/v1/payments/{payment.Id}/capture", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
