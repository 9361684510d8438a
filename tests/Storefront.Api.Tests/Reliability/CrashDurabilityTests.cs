using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Storefront.Api.Features.Auth;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// Storefront killed with SIGKILL in the middle of order traffic, then started again on the same database
/// (the SQLite file in WAL mode, or the PostgreSQL database when STOREFRONT_TEST_PG is set): every order
/// that was answered 201 is still there with its items, and the unpaid ones expire and give their stock back.
/// </summary>
public sealed class CrashDurabilityTests : IAsyncLifetime
{
    private const int ProductCount = 4;
    private const int StockPerProduct = 40;
    private const int Workers = 6;
    private const int Shoppers = 2;
    private const int OrdersBeforeCrash = 40;
    // Generous: on a shared 2-core CI machine a cold start on PostgreSQL has taken over 75 s.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(2);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "storefront-durability", Guid.NewGuid().ToString("N"));
    private readonly PostgresTestDatabase? _postgres = PostgresTestDatabase.FromEnvironment();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_answered_201_survive_a_kill_and_their_reservations_expire_after_restart()
    {
        var products = new List<Guid>();
        var shoppers = new List<string>();
        var acknowledged = new ConcurrentBag<(int Shopper, OrderResponse Order)>();
        var paidUnits = new Dictionary<Guid, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s {name}");

        // The first process never sweeps: on a slow machine an order could otherwise expire before the test pays it.
        await using (var first = StorefrontProcess.Start(variables: Settings(sweepExpiredOrders: false), dataDirectory: _dataDirectory))
        {
            using var anonymous = new HttpClient { BaseAddress = await first.ListeningAsync(StartTimeout) };
            Phase("first process listening");
            using var admin = Authorized(anonymous.BaseAddress!, await LoginAsync(anonymous, StorefrontFactory.AdminEmail, StorefrontFactory.AdminPassword));
            for (var i = 0; i < ProductCount; i++)
            {
                products.Add((await admin.CreateProductAsync(StockPerProduct)).Id);
            }

            for (var i = 0; i < Shoppers; i++)
            {
                shoppers.Add(await RegisterAsync(anonymous));
            }

            Phase("products and shoppers ready");
            // Paid before the crash: sold stock must come back as sold, not expire.
            using (var buyer = Authorized(anonymous.BaseAddress!, shoppers[0]))
            {
                var paid = await buyer.PlaceOrderOkAsync(products[0], 2);
                Assert.Equal(HttpStatusCode.Created, (await buyer.PayAsync(paid.Id, Cards.Succeeds)).StatusCode);
                paidUnits[products[0]] = 2;
            }

            var load = Enumerable.Range(0, Workers)
                .Select(w => PlaceOrdersUntilDownAsync(Authorized(anonymous.BaseAddress!, shoppers[w % Shoppers]), w % Shoppers, w, products, acknowledged))
                .ToList();
            await WaitForAsync(() => acknowledged.Count >= OrdersBeforeCrash, TimeSpan.FromSeconds(60));
            Phase("orders acknowledged; killing");
            await first.KillAsync();
            await Task.WhenAll(load);
            Phase("load stopped");
        }

        await using var second = StorefrontProcess.Start(variables: Settings(sweepExpiredOrders: true), dataDirectory: _dataDirectory);
        var address = await second.ListeningAsync(StartTimeout);
        Phase("second process listening");

        foreach (var (shopper, order) in acknowledged)
        {
            using var owner = Authorized(address, shoppers[shopper]);
            var stored = await (await owner.GetAsync($"/api/v1/orders/{order.Id}", Ct)).OkAsync<OrderResponse>();
            Assert.Equal(order.Total, stored.Total);
            Assert.Equal(
                order.Items.Select(i => (i.ProductId, i.Quantity)),
                stored.Items.Select(i => (i.ProductId, i.Quantity)));
        }

        Phase("orders verified");
        using var reader = new HttpClient { BaseAddress = address };
        await WaitForAsync(async () => (await StockAsync(reader, products)).All(s => s.Reserved == 0), TimeSpan.FromSeconds(60));
        foreach (var stock in await StockAsync(reader, products))
        {
            Assert.Equal(StockPerProduct - paidUnits.GetValueOrDefault(stock.ProductId), stock.Available);
        }

        Phase("reservations released");
        using var firstOwner = Authorized(address, shoppers[acknowledged.First().Shopper]);
        var expired = await (await firstOwner.GetAsync($"/api/v1/orders/{acknowledged.First().Order.Id}", Ct)).OkAsync<OrderResponse>();
        Assert.Equal(OrderStatus.Expired, expired.Status);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"durability ({(_postgres is null ? "sqlite" : "postgresql")}): {acknowledged.Count} acknowledged orders survived SIGKILL; reservations released after restart");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    private Dictionary<string, string> Settings(bool sweepExpiredOrders)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storefront__Jwt__SigningKey"] = StorefrontFactory.SigningKey,
            ["Storefront__Admin__Password"] = StorefrontFactory.AdminPassword,
            ["Storefront__RateLimiting__Enabled"] = "false",
            // The test runner shares the machine: only OverloadAtRateTests measures shedding by queue delay.
            ["Storefront__Overload__MaxQueueDelay"] = "00:00:00",
            ["Storefront__Orders__PaymentTimeout"] = PaymentTimeout.ToString(),
            ["Storefront__Orders__ExpirySweepInterval"] = sweepExpiredOrders ? "00:00:00.250" : "01:00:00",
        };
        if (_postgres is not null)
        {
            settings["ConnectionStrings__Storefront"] = _postgres.ConnectionString;
        }

        return settings;
    }

    /// <summary>Places orders back to back, remembering each one answered 201, until the server stops answering.</summary>
    private static async Task PlaceOrdersUntilDownAsync(
        HttpClient shopper, int shopperIndex, int worker, List<Guid> products, ConcurrentBag<(int, OrderResponse)> acknowledged)
    {
        using (shopper)
        {
            for (var n = 0; ; n++)
            {
                HttpResponseMessage response;
                try
                {
                    response = await shopper.PlaceOrderAsync(products[(worker + n) % products.Count], 1);
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException)
                {
                    return;
                }

                if (response.StatusCode == HttpStatusCode.Created)
                {
                    try
                    {
                        acknowledged.Add((shopperIndex, await response.Content.ReadFromJsonAsync<OrderResponse>(Ct) ?? throw new InvalidOperationException()));
                    }
                    catch (HttpRequestException)
                    {
                        // Killed after the status line: the body never came, so the order was not acknowledged in full.
                        return;
                    }
                }
            }
        }
    }

    private static async Task<List<StockResponse>> StockAsync(HttpClient client, List<Guid> products)
    {
        var stock = new List<StockResponse>();
        foreach (var id in products)
        {
            stock.Add(await client.GetStockAsync(id));
        }

        return stock;
    }

    private static async Task<string> RegisterAsync(HttpClient anonymous)
    {
        var username = "durable_" + Guid.NewGuid().ToString("N")[..12];
        var register = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email = username + "@example.test", username, password = StorefrontFactory.UserPassword }, Ct);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        return await LoginAsync(anonymous, username, StorefrontFactory.UserPassword);
    }

    private static async Task<string> LoginAsync(HttpClient anonymous, string login, string password)
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { login, password }, Ct);
        return (await response.OkAsync<TokenResponse>()).AccessToken;
    }

    private static HttpClient Authorized(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task WaitForAsync(Func<bool> condition, TimeSpan timeout) => WaitForAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Condition not met within {timeout}.");
            }

            await Task.Delay(100, Ct);
        }
    }
}
