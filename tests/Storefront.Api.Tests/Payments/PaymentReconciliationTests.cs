using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Payments;

/// <summary>
/// A payment left <c>processing</c> by a crash (the payment row claimed, the provider asked, no outcome recorded) is
/// settled from what the provider says, or its order released, once it is older than ReconcileAfter.
/// </summary>
public sealed class PaymentReconciliationTests : IAsyncLifetime
{
    private readonly StorefrontFactory _app = StorefrontFactory.With(new Dictionary<string, string?>
    {
        ["Storefront:Payments:ReconcileAfter"] = "00:00:30",
        // The background pass runs once at start; the test drives the rest itself.
        ["Storefront:Payments:ReconcileInterval"] = "01:00:00",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_charge_the_provider_approved_is_settled_the_order_paid_and_its_stock_sold()
    {
        var (shopper, order, productId) = await InterruptedAsync(providerSays: true, age: TimeSpan.FromMinutes(2));

        await ReconcileAsync(expected: 1);

        var paid = await (await shopper.GetAsync($"/api/v1/orders/{order.Id}", Ct)).OkAsync<OrderResponse>();
        var stock = await shopper.GetStockAsync(productId);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal((8, 0), (stock.Available, stock.Reserved));
        Assert.Equal(PaymentStatus.Captured, await PaymentStatusAsync(order.Id));
    }

    [Fact]
    public async Task A_charge_the_provider_never_saw_releases_the_order_which_can_then_be_cancelled()
    {
        var (shopper, order, productId) = await InterruptedAsync(providerSays: null, age: TimeSpan.FromMinutes(2));

        await ReconcileAsync(expected: 1);

        var released = await (await shopper.GetAsync($"/api/v1/orders/{order.Id}", Ct)).OkAsync<OrderResponse>();
        Assert.Equal(OrderStatus.PendingPayment, released.Status);
        Assert.Equal(PaymentStatus.Failed, await PaymentStatusAsync(order.Id));
        Assert.Equal(HttpStatusCode.OK, (await shopper.PostAsync($"/api/v1/orders/{order.Id}/cancel", null, Ct)).StatusCode);
        var stock = await shopper.GetStockAsync(productId);
        Assert.Equal((10, 0), (stock.Available, stock.Reserved));
    }

    [Fact]
    public async Task A_declined_charge_releases_the_order_and_a_recent_one_is_left_to_its_request()
    {
        var (shopper, declined, _) = await InterruptedAsync(providerSays: false, age: TimeSpan.FromMinutes(2));
        var (_, recent, _) = await InterruptedAsync(providerSays: true, age: TimeSpan.Zero);

        await ReconcileAsync(expected: 1);

        Assert.Equal(OrderStatus.PendingPayment, (await (await shopper.GetAsync($"/api/v1/orders/{declined.Id}", Ct)).OkAsync<OrderResponse>()).Status);
        Assert.Equal(PaymentStatus.Declined, await PaymentStatusAsync(declined.Id));
        Assert.Equal(PaymentStatus.Processing, await PaymentStatusAsync(recent.Id));
    }

    /// <summary>
    /// An order of 2 units (10 in stock) whose payment was claimed and sent to the provider <paramref name="age"/> ago,
    /// then the process died: the provider approved it (true), declined it (false) or never got it (null).
    /// </summary>
    private async Task<(HttpClient Shopper, OrderResponse Order, Guid ProductId)> InterruptedAsync(bool? providerSays, TimeSpan age)
    {
        var admin = await _app.LoginAsAdminAsync();
        var product = await admin.CreateProductAsync(10, price: 5m);
        var shopper = await _app.RegisterAndLoginAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 2);
        var userId = await _app.WithDbAsync(db => db.Set<Order>().Where(o => o.Id == order.Id).Select(o => o.UserId).SingleAsync(Ct));
        var started = DateTime.UtcNow - age;
        var paymentId = Guid.CreateVersion7();
        await _app.WithDbAsync(async db =>
        {
            await db.Set<Order>().Where(o => o.Id == order.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.ProcessingPayment), Ct);
            db.Add(new Payment
            {
                Id = paymentId,
                OrderId = order.Id,
                UserId = userId,
                IdempotencyKey = Guid.NewGuid().ToString(),
                RequestHash = "h",
                Status = PaymentStatus.Processing,
                AmountCents = 1000,
                Currency = "USD",
                CardBrand = "visa",
                CardLast4 = "4242",
                CreatedAt = started,
                UpdatedAt = started,
            });
            if (providerSays is { } approved)
            {
                db.Add(new SimulatedCharge
                {
                    Reference = paymentId,
                    Approved = approved,
                    ProviderReference = approved ? $"sim_{paymentId:N}" : null,
                    DeclineCode = approved ? null : "card_declined",
                    CreatedAt = started,
                });
            }

            return await db.SaveChangesAsync(Ct);
        });
        return (shopper, order, product.Id);
    }

    private async Task ReconcileAsync(int expected) =>
        Assert.Equal(expected, await _app.Services.GetRequiredService<PaymentReconciliation>().ReconcileAsync(Ct));

    private Task<string> PaymentStatusAsync(Guid orderId) =>
        _app.WithDbAsync(db => db.Set<Payment>().Where(p => p.OrderId == orderId).Select(p => p.Status).SingleAsync(Ct));
}
