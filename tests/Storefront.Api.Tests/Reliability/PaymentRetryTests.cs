using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// A shopper whose client gives up before the provider answers (the slow card) and retries with the same
/// Idempotency-Key is charged exactly once, and ends up with the one payment.
/// </summary>
public sealed class PaymentRetryTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static readonly TimeSpan ClientTimeout = CommerceHost.SlowCardLatency / 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_times_out_and_retries_with_the_same_key_is_charged_once()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 3);
        var key = Guid.NewGuid().ToString();

        var (payment, timeouts, attempts) = await PayWithRetriesAsync(shopper, order.Id, key);

        Assert.True(timeouts >= 1, "the first attempt should have timed out on the client");
        Assert.Equal(PaymentStatus.Captured, payment.Status);
        Assert.Single(host.Charges, c => c.OrderId == order.Id);
        var stored = await host.App.WithDbAsync(db => db.Set<Payment>().AsNoTracking().Where(p => p.OrderId == order.Id).ToListAsync(Ct));
        Assert.Equal(payment.Id, Assert.Single(stored).Id);
        Assert.Equal(new StockResponse(product.Id, 7, 0), await shopper.GetStockAsync(product.Id));
        TestContext.Current.TestOutputHelper?.WriteLine($"payment retry: {attempts} attempts, {timeouts} client timeouts, one charge");
    }

    /// <summary>What a careful client does: a short timeout, then the same request and key again, with a pause.</summary>
    private static async Task<(PaymentResponse Payment, int Timeouts, int Attempts)> PayWithRetriesAsync(HttpClient shopper, Guid orderId, string key)
    {
        var timeouts = 0;
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            limit.CancelAfter(ClientTimeout);
            try
            {
                var response = await SendSlowCardPaymentAsync(shopper, orderId, key, limit.Token);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (await response.OkAsync<PaymentResponse>(HttpStatusCode.Created), timeouts, attempt);
                }

                // 409 "in progress": the first attempt is still with the provider.
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                timeouts++;
            }

            await Task.Delay(ClientTimeout, Ct);
        }

        throw new Xunit.Sdk.XunitException("The payment never completed after 40 attempts.");
    }

    private static Task<HttpResponseMessage> SendSlowCardPaymentAsync(HttpClient shopper, Guid orderId, string key, CancellationToken cancellationToken)
    {
        var body = new { method = "card", card = new { number = Cards.Slow, expMonth = 12, expYear = 2099, cvc = "123" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return shopper.SendAsync(request, cancellationToken);
    }
}
