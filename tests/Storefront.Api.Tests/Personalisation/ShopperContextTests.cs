using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Personalisation;

/// <summary>X-Shopper-Context and Accept-Language on catalog reads: what changes, what caches are told, what is refused.</summary>
public sealed class ShopperContextTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_language_localises_category_names_and_says_so()
    {
        var response = await SendAsync("/api/v1/categories", acceptLanguage: "fr-CA, de;q=0.5");
        var categories = await response.Content.ReadFromJsonAsync<List<CategoryResponse>>(Ct);

        Assert.Equal("fr", response.Content.Headers.ContentLanguage.Single());
        Assert.Contains(categories!, c => c.Slug == "books" && c.Name == "Livres");
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains("X-Shopper-Context", response.Headers.Vary);

        // An unsupported language falls back to English; the header's locale wins over Accept-Language.
        var english = await (await SendAsync("/api/v1/categories", acceptLanguage: "ja")).Content.ReadFromJsonAsync<List<CategoryResponse>>(Ct);
        Assert.Contains(english!, c => c.Slug == "books" && c.Name == "Books");
        var german = await (await SendAsync("/api/v1/categories", "locale=de", acceptLanguage: "fr")).Content.ReadFromJsonAsync<List<CategoryResponse>>(Ct);
        Assert.Contains(german!, c => c.Slug == "books" && c.Name == "Bücher");
    }

    [Fact]
    public async Task A_currency_converts_prices_at_the_stated_rate_and_the_etag_differs_per_representation()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(5, price: 100m);

        var usd = await SendAsync($"/api/v1/products/{product.Id}");
        var eur = await SendAsync($"/api/v1/products/{product.Id}", "currency=EUR");
        var jpy = await SendAsync($"/api/v1/products/{product.Id}", "currency=jpy; locale=es");

        var eurBody = await eur.Content.ReadFromJsonAsync<ProductResponse>(Ct);
        Assert.Equal((92.00m, "EUR"), (eurBody!.Price, eurBody.Currency));
        var jpyBody = await jpy.Content.ReadFromJsonAsync<ProductResponse>(Ct);
        Assert.Equal((15100m, "JPY"), (jpyBody!.Price, jpyBody.Currency));
        Assert.Equal(100m, (await usd.Content.ReadFromJsonAsync<ProductResponse>(Ct))!.Price);
        Assert.NotEqual(usd.Headers.ETag, eur.Headers.ETag);
        Assert.NotEqual(eur.Headers.ETag, jpy.Headers.ETag);

        // Each representation revalidates against its own tag only.
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync($"/api/v1/products/{product.Id}", "currency=EUR", ifNoneMatch: eur.Headers.ETag!.Tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"/api/v1/products/{product.Id}", "currency=EUR", ifNoneMatch: usd.Headers.ETag!.Tag)).StatusCode);

        // Lists are converted too, and the order is still charged in the catalog's currency.
        var page = await (await SendAsync("/api/v1/products?q=" + Uri.EscapeDataString(product.Name), "currency=GBP")).Content.ReadFromJsonAsync<ProductPage>(Ct);
        Assert.Contains(page!.Items, p => p.Id == product.Id && p.Price == 79m && p.Currency == "GBP");
        Assert.Equal(100m, (await (await host.ShopperAsync()).PlaceOrderOkAsync(product.Id, 1)).Total);
    }

    [Fact]
    public async Task A_segment_picks_the_default_sort_and_an_explicit_sort_still_wins()
    {
        var bargain = await (await SendAsync("/api/v1/products?pageSize=20", "segment=bargain")).Content.ReadFromJsonAsync<ProductPage>(Ct);
        var premium = await (await SendAsync("/api/v1/products?pageSize=20", "segment=premium")).Content.ReadFromJsonAsync<ProductPage>(Ct);
        var explicitSort = await (await SendAsync("/api/v1/products?pageSize=20&sort=name", "segment=premium")).Content.ReadFromJsonAsync<ProductPage>(Ct);

        Assert.Equal(bargain!.Items.Select(p => p.Price).Order(), bargain.Items.Select(p => p.Price));
        Assert.Equal(premium!.Items.Select(p => p.Price).OrderDescending(), premium.Items.Select(p => p.Price));
        Assert.True(premium.Items[0].Price > bargain.Items[0].Price);
        Assert.Equal(explicitSort!.Items.Select(p => p.Name).Order(StringComparer.Ordinal), explicitSort.Items.Select(p => p.Name), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("currency=XYZ", "currency")]
    [InlineData("locale=zz", "locale")]
    [InlineData("segment=vip", "segment")]
    [InlineData("colour=red", "unknown part")]
    public async Task A_malformed_context_is_refused_with_problem_json(string header, string mentioned)
    {
        var response = await SendAsync("/api/v1/products", header);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_shopper_context", problem.GetProperty("code").GetString());
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_states_the_headers_the_400_and_vary_on_every_personalised_read()
    {
        var document = await Contract.OpenApiDocument.FetchAsync(host.App);

        foreach (var path in new[] { "/api/v1/products", "/api/v1/products/{id}", "/api/v1/categories" })
        {
            var header = document.Parameter("get", path, "X-Shopper-Context");
            Assert.Equal("header", header.GetProperty("in").GetString());
            Assert.True(header.GetProperty("schema").TryGetProperty("pattern", out _));
            Assert.Contains("EUR 0.92", header.GetProperty("description").GetString(), StringComparison.Ordinal);
            document.Parameter("get", path, "Accept-Language");
            var responses = document.Operation("get", path).GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out _), path);
            Assert.True(responses.GetProperty("200").GetProperty("headers").TryGetProperty("Vary", out _), path);
        }

        // What the pattern admits, the server accepts (and the reverse for a typo).
        var pattern = new System.Text.RegularExpressions.Regex(document.Parameter("get", "/api/v1/products", "X-Shopper-Context").GetProperty("schema").GetProperty("pattern").GetString()!);
        Assert.Matches(pattern, "locale=de; currency=EUR; segment=bargain");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/api/v1/products", "locale=de; currency=EUR; segment=bargain")).StatusCode);
        Assert.DoesNotMatch(pattern, "locale:de");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("/api/v1/products", "locale:de")).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? context = null, string? acceptLanguage = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (context is not null)
        {
            request.Headers.Add("X-Shopper-Context", context);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await host.App.CreateClient().SendAsync(request, Ct);
    }
}
