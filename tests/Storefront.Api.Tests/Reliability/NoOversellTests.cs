using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// Issue 7's "no oversell": 2,000 overlapping order attempts (some paid at once) over 20 products holding
/// 100 units in all. Whatever wins, sold + reserved equals the stock exactly and nothing answers 500.
/// The overload bound may refuse some with 503; those are counted and the accounting still holds.
/// </summary>
public sealed class NoOversellTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private const int Attempts = 2_000;
    private const int Products = 20;
    private const int UnitsPerProduct = 5;
    private const int Shoppers = 8;
    private const int ClientConcurrency = 64;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_thousand_concurrent_order_attempts_over_twenty_products_never_oversell()
    {
        var admin = await host.AdminAsync();
        var products = new List<Guid>();
        for (var p = 0; p < Products; p++)
        {
            products.Add((await admin.CreateProductAsync(UnitsPerProduct)).Id);
        }

        var shoppers = new List<HttpClient>();
        for (var s = 0; s < Shoppers; s++)
        {
            shoppers.Add(await host.NewShopperAsync());
        }

        var outcomes = new ConcurrentBag<Attempt>();
        using var gate = new SemaphoreSlim(ClientConcurrency);
        await Task.WhenAll(Enumerable.Range(0, Attempts).Select(async i =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                outcomes.Add(await AttemptAsync(shoppers[i % Shoppers], products[i % Products], quantity: i % 3 == 0 ? 2 : 1, pay: i % 4 == 0));
            }
            finally
            {
                gate.Release();
            }
        }));

        var unexpected = outcomes.Where(o => o.OrderStatus is not (201 or 409 or 503) || o.PaymentStatus is not (null or 201 or 503)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected answers: " + string.Join(", ", unexpected.Take(10)));
        var stock = await host.App.WithDbAsync(db => db.Set<StockItem>().AsNoTracking().Where(s => products.Contains(s.ProductId)).ToListAsync(Ct));
        var orders = await host.App.WithDbAsync(db => db.Set<OrderItem>().AsNoTracking().Where(i => products.Contains(i.ProductId)).ToListAsync(Ct));
        var created = outcomes.Where(o => o.OrderStatus == 201).ToList();

        Assert.Equal(Products * UnitsPerProduct, stock.Sum(s => s.Reserved + s.Sold));
        Assert.All(stock, s => Assert.Equal(UnitsPerProduct, s.Available + s.Reserved + s.Sold));
        Assert.All(stock, s => Assert.Equal(0, s.Available));
        Assert.Equal(created.Select(o => o.OrderId).Order(), orders.Select(i => (Guid?)i.OrderId).Order());
        foreach (var row in stock)
        {
            Assert.Equal(created.Where(o => o.ProductId == row.ProductId).Sum(o => o.Quantity), row.Reserved + row.Sold);
            Assert.Equal(created.Where(o => o.ProductId == row.ProductId && o.PaymentStatus == 201).Sum(o => o.Quantity), row.Sold);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"no-oversell: {created.Count} created, {outcomes.Count(o => o.OrderStatus == 409)} out of stock, " +
            $"{outcomes.Count(o => o.OrderStatus == 503)} shed (503), {created.Count(o => o.PaymentStatus == 201)} paid");
    }

    private static async Task<Attempt> AttemptAsync(HttpClient shopper, Guid productId, int quantity, bool pay)
    {
        var response = await shopper.PlaceOrderAsync(productId, quantity);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return new Attempt(productId, quantity, (int)response.StatusCode, null, null);
        }

        var order = await response.OkAsync<OrderResponse>(HttpStatusCode.Created);
        int? paid = pay ? (int)(await shopper.PayAsync(order.Id, Cards.Succeeds)).StatusCode : null;
        return new Attempt(productId, quantity, 201, order.Id, paid);
    }

    private sealed record Attempt(Guid ProductId, int Quantity, int OrderStatus, Guid? OrderId, int? PaymentStatus);
}
