using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Orders;

/// <summary>
/// The commerce tests' server: the platform's <see cref="StorefrontFactory"/> with a short slow-card
/// latency, fast SSE heartbeats, and a provider that records every charge it is asked for.
/// </summary>
public class CommerceHost : IAsyncLifetime
{
    public static readonly TimeSpan SlowCardLatency = TimeSpan.FromMilliseconds(400);

    public CommerceHost() : this(new Dictionary<string, string?>())
    {
    }

    protected CommerceHost(IDictionary<string, string?> extraSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storefront:Payments:SlowCardLatency"] = SlowCardLatency.ToString(),
            ["Storefront:Inventory:StreamHeartbeat"] = "00:00:00.200",
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        App = StorefrontFactory.With(settings, services => services.AddSingleton<IPaymentProvider>(sp =>
            new RecordingPaymentProvider(ActivatorUtilities.CreateInstance<SimulatedPaymentProvider>(sp), Charges)));
        adminToken = new(async () => (await App.LoginAsync(StorefrontFactory.AdminEmail, StorefrontFactory.AdminPassword)).AccessToken);
        shopperToken = new(async () => (await App.RegisterAndLoginUserAsync()).Tokens.AccessToken);
    }

    private readonly Lazy<Task<string>> adminToken;
    private readonly Lazy<Task<string>> shopperToken;

    public StorefrontFactory App { get; }

    public ConcurrentQueue<ProviderCharge> Charges { get; } = new();

    /// <summary>The seeded admin, logged in once per host: password hashing is the slowest part of a test.</summary>
    public async Task<HttpClient> AdminAsync() => App.CreateClient(await adminToken.Value);

    /// <summary>One shopper shared by tests that only need "a" shopper (each works on its own products and keys).</summary>
    public async Task<HttpClient> ShopperAsync() => App.CreateClient(await shopperToken.Value);

    /// <summary>A shopper of the test's own, for tests about ownership or a user's order list.</summary>
    public Task<HttpClient> NewShopperAsync() => App.RegisterAndLoginAsync();

    public async ValueTask InitializeAsync() => await App.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class RecordingPaymentProvider(IPaymentProvider inner, ConcurrentQueue<ProviderCharge> charges) : IPaymentProvider
    {
        public Task<ChargeResult> ChargeAsync(ProviderCharge charge, CancellationToken cancellationToken)
        {
            charges.Enqueue(charge);
            return inner.ChargeAsync(charge, cancellationToken);
        }

        public Task CaptureAsync(string providerReference, long amountCents, CancellationToken cancellationToken) =>
            inner.CaptureAsync(providerReference, amountCents, cancellationToken);

        public Task RefundAsync(string providerReference, long amountCents, CancellationToken cancellationToken) =>
            inner.RefundAsync(providerReference, amountCents, cancellationToken);

        public Task<ProviderChargeStatus> GetChargeAsync(Guid reference, CancellationToken cancellationToken) =>
            inner.GetChargeAsync(reference, cancellationToken);
    }
}

/// <summary>A host whose unpaid orders expire after half a second, swept every 100 ms.</summary>
public sealed class FastExpiryCommerceHost() : CommerceHost(new Dictionary<string, string?>
{
    ["Storefront:Orders:PaymentTimeout"] = "00:00:00.500",
    ["Storefront:Orders:ExpirySweepInterval"] = "00:00:00.100",
});
