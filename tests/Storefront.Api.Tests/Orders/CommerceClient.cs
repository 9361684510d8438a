using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Xunit;

namespace Storefront.Api.Tests.Orders;

/// <summary>Requests the commerce tests make over and over, written once.</summary>
public static class CommerceClient
{
    public static readonly object Address = new { name = "Ada Lovelace", line1 = "12 Analytical St", city = "London", postalCode = "N1 9GU", country = "GB" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh product of the test's own, so tests never share stock.</summary>
    public static async Task<ProductResponse> CreateProductAsync(this HttpClient admin, int stock, decimal price = 19.99m, string? name = null, int categoryId = 1)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/products", new
        {
            name = name ?? $"Test Widget {Guid.NewGuid():N}",
            description = "Made for a test.",
            categoryId,
            price,
            currency = "USD",
            initialStock = stock,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductResponse>(Ct))!;
    }

    public static async Task<StockResponse> GetStockAsync(this HttpClient client, Guid productId) =>
        (await client.GetFromJsonAsync<StockResponse>($"/api/v1/inventory/{productId}", Ct))!;

    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient shopper, Guid productId, int quantity, string? key = null, object? address = null) =>
        shopper.PlaceOrderAsync(new { items = new[] { new { productId, quantity } }, shippingAddress = address ?? Address }, key ?? Guid.NewGuid().ToString());

    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient shopper, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return shopper.SendAsync(request, Ct);
    }

    public static async Task<OrderResponse> PlaceOrderOkAsync(this HttpClient shopper, Guid productId, int quantity)
    {
        var response = await shopper.PlaceOrderAsync(productId, quantity);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(Ct))!;
    }

    public static Task<HttpResponseMessage> PayAsync(this HttpClient shopper, Guid orderId, string cardNumber, string? key = null, bool? capture = null, int expYear = 2099, string cvc = "123")
    {
        var body = new { method = "card", card = new { number = cardNumber, expMonth = 12, expYear, cvc }, capture };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{orderId}/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return shopper.SendAsync(request, Ct);
    }

    /// <summary>The problem+json body, after checking the status and media type.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<T> OkAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)!;
    }
}
