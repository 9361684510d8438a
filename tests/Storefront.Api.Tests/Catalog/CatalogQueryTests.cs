using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Catalog;

public sealed class CatalogQueryTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_seeded_products_with_paging_metadata()
    {
        var page = await host.App.CreateClient().GetFromJsonAsync<ProductPage>("/api/v1/products?page=2&pageSize=25", Ct);

        Assert.True(page!.Total >= CatalogSeeder.ProductCount);
        Assert.Equal(2, page.Page);
        Assert.Equal(25, page.PageSize);
        Assert.Equal(25, page.Items.Count);
        Assert.Equal((page.Total + 24) / 25, page.TotalPages);
        Assert.All(page.Items, p => Assert.Equal("USD", p.Currency));
    }

    [Fact]
    public async Task Seeds_ten_categories()
    {
        var categories = await host.App.CreateClient().GetFromJsonAsync<List<CategoryResponse>>("/api/v1/categories", Ct);

        Assert.Equal(10, categories!.Count);
        Assert.Contains(categories, c => c.Slug == "books");
    }

    [Fact]
    public async Task Filters_by_category_and_price_range()
    {
        var page = await host.App.CreateClient().GetFromJsonAsync<ProductPage>(
            "/api/v1/products?category=books&minPrice=10&maxPrice=50.5&pageSize=100", Ct);

        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, p =>
        {
            Assert.Equal("books", p.Category);
            Assert.InRange(p.Price, 10m, 50.5m);
        });
    }

    [Fact]
    public async Task Sorts_by_price_as_numbers_not_text()
    {
        var admin = await host.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        foreach (var price in new[] { 100m, 9.99m, 25m, 1000.5m })
        {
            await admin.CreateProductAsync(1, price, $"Sortable {tag} {price}");
        }

        var ascending = await host.App.CreateClient().GetFromJsonAsync<ProductPage>($"/api/v1/products?q={tag}&sort=price", Ct);
        var descending = await host.App.CreateClient().GetFromJsonAsync<ProductPage>($"/api/v1/products?q={tag}&sort=-price", Ct);

        Assert.Equal([9.99m, 25m, 100m, 1000.5m], ascending!.Items.Select(p => p.Price));
        Assert.Equal([1000.5m, 100m, 25m, 9.99m], descending!.Items.Select(p => p.Price));
    }

    [Fact]
    public async Task Sorts_whole_catalog_by_price_and_newest_first()
    {
        var client = host.App.CreateClient();
        var byPrice = await client.GetFromJsonAsync<ProductPage>("/api/v1/products?sort=-price&pageSize=100", Ct);
        var newest = await client.GetFromJsonAsync<ProductPage>("/api/v1/products?sort=-createdAt&pageSize=100", Ct);

        Assert.Equal(byPrice!.Items.Select(p => p.Price).OrderDescending(), byPrice.Items.Select(p => p.Price));
        Assert.Equal(newest!.Items.Select(p => p.CreatedAt).OrderDescending(), newest.Items.Select(p => p.CreatedAt));
    }

    [Fact]
    public async Task Searches_names_case_insensitively()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(1, name: $"Quokka Lamp {Guid.NewGuid():N}");

        var page = await host.App.CreateClient().GetFromJsonAsync<ProductPage>("/api/v1/products?q=qUOKKA%20lamp", Ct);

        Assert.Contains(page!.Items, p => p.Id == product.Id);
        Assert.All(page.Items, p => Assert.Contains("quokka lamp", p.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Rejects_page_size_over_100_with_a_field_error()
    {
        var response = await host.App.CreateClient().GetAsync("/api/v1/products?pageSize=101", Ct);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Rejects_unknown_sort_and_inverted_price_range_per_field()
    {
        var response = await host.App.CreateClient().GetAsync("/api/v1/products?sort=popularity&minPrice=50&maxPrice=10&page=0", Ct);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sort", out _));
        Assert.True(errors.TryGetProperty("maxPrice", out _));
        Assert.True(errors.TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem()
    {
        var response = await host.App.CreateClient().GetAsync($"/api/v1/products/{Guid.NewGuid()}", Ct);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Product_answers_304_for_its_current_ETag_and_a_new_tag_after_an_update()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(1);
        var client = host.App.CreateClient();
        var first = await client.GetAsync($"/api/v1/products/{product.Id}", Ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{product.Id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        var update = await admin.PutAsJsonAsync($"/api/v1/products/{product.Id}",
            new { name = product.Name, description = "changed", categoryId = 1, price = 5m }, Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/products/{product.Id}");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Product_list_answers_304_for_an_unchanged_page()
    {
        var client = host.App.CreateClient();
        var first = await client.GetAsync("/api/v1/products?category=garden&sort=name&pageSize=5", Ct);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?category=garden&sort=name&pageSize=5");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compresses_json_when_the_client_asks(string encoding)
    {
        var client = host.App.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?pageSize=100");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request, Ct);
        var compressed = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        var json = await reader.ReadToEndAsync(Ct);
        Assert.StartsWith("{\"items\":[", json, StringComparison.Ordinal);
        Assert.True(compressed.Length < json.Length / 2, $"{compressed.Length} bytes compressed vs {json.Length} plain");
    }
}
