using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Storefront.Api.Features.Auth;
using Storefront.Api.Features.Orders;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Reliability;

/// <summary>
/// Storefront killed with SIGKILL while payments wait on the provider, then started again on the same database:
/// within ReconcileAfter + ReconcileInterval no order is left in processing_payment, the interrupted ones can be
/// paid again or cancelled, and the stock adds up.
/// </summary>
public sealed class PaymentCrashTests : IAsyncLifetime
{
    private const int Stock = 20;
    private const int Paid = 3;
    private const int Interrupted = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ReconcileAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReconcileInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "storefront-payment-crash", Guid.NewGuid().ToString("N"));
    private readonly PostgresTestDatabase? _postgres = PostgresTestDatabase.FromEnvironment();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payments_cut_by_a_kill_are_reconciled_after_restart_and_nothing_stays_locked()
    {
        Guid productId;
        string token;
        var paid = new List<Guid>();
        var interrupted = new List<Guid>();
        await using (var first = StorefrontProcess.Start(variables: Settings(), dataDirectory: _dataDirectory))
        {
            var address = await first.ListeningAsync(StartTimeout);
            using var anonymous = new HttpClient { BaseAddress = address };
            using var admin = Authorized(address, await LoginAsync(anonymous, StorefrontFactory.AdminEmail, StorefrontFactory.AdminPassword));
            productId = (await admin.CreateProductAsync(Stock)).Id;
            token = await RegisterAsync(anonymous);
            using var shopper = Authorized(address, token);
            for (var i = 0; i < Paid; i++)
            {
                var order = await shopper.PlaceOrderOkAsync(productId, 1);
                Assert.Equal(HttpStatusCode.Created, (await shopper.PayAsync(order.Id, Cards.Succeeds)).StatusCode);
                paid.Add(order.Id);
            }

            var inFlight = new List<Task>();
            for (var i = 0; i < Interrupted; i++)
            {
                var order = await shopper.PlaceOrderOkAsync(productId, 1);
                interrupted.Add(order.Id);
                inFlight.Add(Swallow(Authorized(address, token).PayAsync(order.Id, Cards.Slow)));
            }

            await WaitForAsync(async () => (await StatusesAsync(shopper, interrupted)).All(s => s == OrderStatus.ProcessingPayment), TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await Task.WhenAll(inFlight);
        }

        await using var second = StorefrontProcess.Start(variables: Settings(), dataDirectory: _dataDirectory);
        var restarted = await second.ListeningAsync(StartTimeout);
        var clock = Stopwatch.StartNew();
        using var again = Authorized(restarted, token);
        await WaitForAsync(async () => (await StatusesAsync(again, interrupted)).All(s => s == OrderStatus.PendingPayment), TimeSpan.FromSeconds(30));
        var reconciledAfter = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"({(_postgres is null ? "sqlite" : "postgresql")}) {Interrupted} interrupted payments reconciled {reconciledAfter.TotalSeconds:F1} s after the restart was listening");

        // Stated bound: ReconcileAfter + ReconcileInterval, with room for a busy machine.
        Assert.True(reconciledAfter < ReconcileAfter + ReconcileInterval + TimeSpan.FromSeconds(10), $"took {reconciledAfter}");
        Assert.All(await StatusesAsync(again, paid), s => Assert.Equal(OrderStatus.Paid, s));
        var before = await again.GetStockAsync(productId);
        Assert.Equal((Stock - Paid - Interrupted, Interrupted), (before.Available, before.Reserved));

        // Released: one is paid with a new key, the others cancelled; their stock comes back.
        Assert.Equal(HttpStatusCode.Created, (await again.PayAsync(interrupted[0], Cards.Succeeds)).StatusCode);
        foreach (var id in interrupted.Skip(1))
        {
            Assert.Equal(HttpStatusCode.OK, (await again.PostAsync($"/api/v1/orders/{id}/cancel", null, Ct)).StatusCode);
        }

        var after = await again.GetStockAsync(productId);
        Assert.Equal((Stock - Paid - 1, 0), (after.Available, after.Reserved));
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

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storefront__Jwt__SigningKey"] = StorefrontFactory.SigningKey,
            ["Storefront__Admin__Password"] = StorefrontFactory.AdminPassword,
            ["Storefront__RateLimiting__Enabled"] = "false",
            // The test runner shares the machine: only OverloadAtRateTests measures shedding by queue delay.
            ["Storefront__Overload__MaxQueueDelay"] = "00:00:00",
            // Long enough that the kill always lands while the provider is still deciding.
            ["Storefront__Payments__SlowCardLatency"] = "00:01:00",
            ["Storefront__Payments__ProviderTimeout"] = "00:02:00",
            ["Storefront__Payments__ReconcileAfter"] = ReconcileAfter.ToString(),
            ["Storefront__Payments__ReconcileInterval"] = ReconcileInterval.ToString(),
        };
        if (_postgres is not null)
        {
            settings["ConnectionStrings__Storefront"] = _postgres.ConnectionString;
        }

        return settings;
    }

    private static async Task<List<string>> StatusesAsync(HttpClient owner, List<Guid> orders)
    {
        var statuses = new List<string>();
        foreach (var id in orders)
        {
            statuses.Add((await (await owner.GetAsync($"/api/v1/orders/{id}", Ct)).OkAsync<OrderResponse>()).Status);
        }

        return statuses;
    }

    private static async Task Swallow(Task<HttpResponseMessage> request)
    {
        try
        {
            await request;
        }
        catch (HttpRequestException)
        {
            // The server was killed under it: expected.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static async Task<string> RegisterAsync(HttpClient anonymous)
    {
        var username = "paycrash_" + Guid.NewGuid().ToString("N")[..12];
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
