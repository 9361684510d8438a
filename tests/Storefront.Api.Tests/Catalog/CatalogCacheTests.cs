using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Catalog;

/// <summary>Catalog reads come from memory; every admin write must still be visible on the next read.</summary>
public sealed class CatalogCacheTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_create_update_and_delete_show_at_once_in_cached_pages_and_details()
    {
        var admin = await host.AdminAsync();
        var client = host.App.CreateClient();
        var name = $"Cache probe {Guid.NewGuid():N}";
        var search = $"/api/v1/products?q={Uri.EscapeDataString(name)}";
        Assert.Equal(0, (await client.GetFromJsonAsync<ProductPage>(search, Ct))!.Total);

        var product = await admin.CreateProductAsync(1, price: 10m, name: name);
        var found = await client.GetFromJsonAsync<ProductPage>(search, Ct);
        Assert.Equal(product.Id, Assert.Single(found!.Items).Id);
        Assert.Equal(10m, (await client.GetFromJsonAsync<ProductResponse>($"/api/v1/products/{product.Id}", Ct))!.Price);

        var update = await admin.PutAsJsonAsync($"/api/v1/products/{product.Id}", new { name, categoryId = 1, price = 12.5m }, Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(12.5m, (await client.GetFromJsonAsync<ProductResponse>($"/api/v1/products/{product.Id}", Ct))!.Price);
        Assert.Equal(12.5m, Assert.Single((await client.GetFromJsonAsync<ProductPage>(search, Ct))!.Items).Price);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/products/{product.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/products/{product.Id}", Ct)).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<ProductPage>(search, Ct))!.Total);
    }

    [Fact]
    public async Task A_cached_page_keeps_its_ETag_until_an_admin_write_changes_the_page()
    {
        var admin = await host.AdminAsync();
        var client = host.App.CreateClient();
        var name = $"Etag probe {Guid.NewGuid():N}";
        var product = await admin.CreateProductAsync(1, price: 3m, name: name);
        var url = $"/api/v1/products?q={Uri.EscapeDataString(name)}";
        var first = await client.GetAsync(url, Ct);
        var tag = first.Headers.ETag!;

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(Conditional(url, tag), Ct)).StatusCode);

        await admin.PutAsJsonAsync($"/api/v1/products/{product.Id}", new { name, categoryId = 1, price = 4m }, Ct);
        var changed = await client.SendAsync(Conditional(url, tag), Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(Conditional(url, changed.Headers.ETag!), Ct)).StatusCode);
    }

    [Fact]
    public void A_read_that_began_before_an_invalidation_cannot_put_its_stale_page_back()
    {
        var cache = new CatalogCache();
        var before = cache.Current;
        cache.Invalidate();
        before.StorePage("name|1|20", new CachedPage(new ProductPage([], 0, 1, 20, 0), new("\"l-stale\"")), 100);
        before.StoreCategories(new CachedCategories([]));

        Assert.False(cache.Current.TryGetPage("name|1|20", out _));
        Assert.Null(cache.Current.Categories);
    }

    [Fact]
    public void Queries_for_the_same_page_share_a_key_and_different_filters_never_do()
    {
        var plain = new ProductQuery(null, null, null, null, null, null, null);
        var spelledOut = new ProductQuery(null, null, null, null, "name", 1, ProductQuery.DefaultPageSize);
        Assert.Equal(plain.CacheKey, spelledOut.CacheKey);
        Assert.Equal(
            new ProductQuery(" Lamp ", "books", 1.5m, null, null, null, null).CacheKey,
            new ProductQuery("lamp", " books", 1.50m, null, null, null, null).CacheKey);

        // A '|' in one free-text filter must not make it read as another filter.
        Assert.NotEqual(
            new ProductQuery("c", "a|b", null, null, null, null, null).CacheKey,
            new ProductQuery("b|c", "a", null, null, null, null, null).CacheKey);
        Assert.NotEqual(
            new ProductQuery(null, null, 1m, null, null, null, null).CacheKey,
            new ProductQuery(null, null, null, 1m, null, null, null).CacheKey);
    }

    [Fact]
    public void Past_its_byte_budget_the_cache_drops_its_oldest_entries_first()
    {
        var cache = new CatalogCache(Microsoft.Extensions.Options.Options.Create(new CatalogOptions { CacheMaxBytes = 100_000 }));
        var generation = cache.Current;
        var page = new CachedPage(new ProductPage([], 0, 1, 20, 0), new("\"l-x\""));

        for (var i = 0; i < 1000; i++)
        {
            generation.StorePage($"page-{i}", page, 1_000);
            Assert.InRange(generation.Bytes, 0, 100_000);
        }

        Assert.False(generation.TryGetPage("page-0", out _));
        Assert.True(generation.TryGetPage("page-999", out _));
        generation.StorePage("too-big", page, 1_000_000);
        Assert.False(generation.TryGetPage("too-big", out _));
    }

    [Fact]
    public async Task Distinct_pages_worth_many_times_the_budget_stay_within_the_configured_bytes()
    {
        const long budget = 256 * 1024;
        await using var app = Infrastructure.StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:Catalog:CacheMaxBytes"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = app.CreateClient();
        var cache = app.Services.GetRequiredService<CatalogCache>();
        var served = 0L;

        foreach (var sort in ProductQuery.SortKeys)
        {
            for (var page = 1; page <= 10; page++)
            {
                var response = await client.GetAsync($"/api/v1/products?sort={sort}&page={page}&pageSize=100", Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served += (await response.Content.ReadAsByteArrayAsync(Ct)).Length;
                Assert.InRange(cache.Current.Bytes, 0, budget);
            }
        }

        // The pages served were several times the budget: without the bound they would all be held.
        Assert.True(served > 4 * budget, $"served only {served} bytes");
        Assert.True(cache.Current.Count > 0);
    }

    private static HttpRequestMessage Conditional(string url, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return request;
    }
}
