using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.LiveEvents;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary>The commerce host, plus the seeded creator (dana) logged in once, and helpers to open events.</summary>
public sealed class LiveEventHost : CommerceHost
{
    private readonly Lazy<Task<string>> creatorToken;

    public LiveEventHost() : base(new Dictionary<string, string?> { ["Storefront:LiveEvents:StreamHeartbeat"] = "00:00:00.200" }) =>
        creatorToken = new(async () => (await App.LoginAsync(CreatorSeeder.Email, StorefrontFactory.ShopperPassword)).AccessToken);

    public static TimeSpan StatedDelay => new LiveEventsOptions().StatedDelay;

    public async Task<HttpClient> CreatorAsync() => App.CreateClient(await creatorToken.Value);

    /// <summary>An event featuring fresh products with these stocks, opened by the creator.</summary>
    public async Task<LiveEventResponse> OpenEventAsync(params int[] stocks)
    {
        var admin = await AdminAsync();
        var ids = new List<Guid>();
        foreach (var stock in stocks)
        {
            ids.Add((await admin.CreateProductAsync(stock, price: 40m)).Id);
        }

        var response = await (await CreatorAsync()).PostAsJsonAsync("/api/v1/live-events", new { title = "Drop night", productIds = ids }, TestContext.Current.CancellationToken);
        return await response.OkAsync<LiveEventResponse>(HttpStatusCode.Created);
    }
}
