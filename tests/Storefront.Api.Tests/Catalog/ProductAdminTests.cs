using System.Net;
using System.Net.Http.Json;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Catalog;

public sealed class ProductAdminTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_creates_replaces_and_deletes_a_product()
    {
        var admin = await host.AdminAsync();
        var create = await admin.PostAsJsonAsync("/api/v1/products",
            new { name = "Walnut Desk Organizer", description = "Tidy.", categoryId = 3, price = 49.95m, initialStock = 7 }, Ct);
        var created = await create.OkAsync<ProductResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/products/{created.Id}", create.Headers.Location?.OriginalString);
        Assert.Equal(49.95m, created.Price);
        Assert.Equal("home-kitchen", created.Category);
        Assert.Equal(7, (await admin.GetStockAsync(created.Id)).Available);

        var replaced = await (await admin.PutAsJsonAsync($"/api/v1/products/{created.Id}",
            new { name = "Oak Desk Organizer", categoryId = 3, price = 39.5m }, Ct)).OkAsync<ProductResponse>();
        Assert.Equal("Oak Desk Organizer", replaced.Name);
        Assert.Equal(39.5m, (await admin.GetFromJsonAsync<ProductResponse>($"/api/v1/products/{created.Id}", Ct))!.Price);

        var delete = await admin.DeleteAsync($"/api/v1/products/{created.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await (await admin.GetAsync($"/api/v1/products/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/products/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shoppers_get_403_and_anonymous_callers_401_on_admin_endpoints()
    {
        var shopper = await host.ShopperAsync();
        var anonymous = host.App.CreateClient();
        var product = await (await host.AdminAsync()).CreateProductAsync(1);
        var body = new { name = "Nope", categoryId = 1, price = 1m };

        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.PostAsJsonAsync("/api/v1/products", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.PutAsJsonAsync($"/api/v1/products/{product.Id}", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopper.DeleteAsync($"/api/v1/products/{product.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/products", body, Ct)).StatusCode);
        Assert.Equal(product.Name, (await anonymous.GetFromJsonAsync<ProductResponse>($"/api/v1/products/{product.Id}", Ct))!.Name);
    }

    [Fact]
    public async Task Invalid_product_is_rejected_with_an_error_per_field()
    {
        var admin = await host.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/products",
            new { name = " ", categoryId = 999, price = -1m, currency = "usd", initialStock = -5 }, Ct);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "name", "categoryId", "price", "currency", "initialStock" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Prices_with_fractions_of_a_cent_are_rejected()
    {
        var admin = await host.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/products", new { name = "Half cent", categoryId = 1, price = 1.005m }, Ct);

        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("price", out _));
    }

    [Theory]
    [InlineData("'; DROP TABLE products; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert\"); DELETE FROM stock WHERE (\"1\"=\"1")]
    public async Task Sql_and_script_looking_names_are_stored_and_returned_literally(string name)
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(3, name: name);

        var read = await host.App.CreateClient().GetFromJsonAsync<ProductResponse>($"/api/v1/products/{product.Id}", Ct);
        var search = await host.App.CreateClient().GetFromJsonAsync<ProductPage>(
            $"/api/v1/products?q={Uri.EscapeDataString(name)}", Ct);

        Assert.Equal(name, read!.Name);
        Assert.Contains(search!.Items, p => p.Id == product.Id && p.Name == name);
        Assert.True((await host.App.CreateClient().GetFromJsonAsync<ProductPage>("/api/v1/products", Ct))!.Total >= CatalogSeeder.ProductCount);
        Assert.Equal(3, (await admin.GetStockAsync(product.Id)).Available);
    }

    [Fact]
    public async Task Replace_with_a_stale_If_Match_is_refused_with_412()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(1);
        var original = (await admin.GetAsync($"/api/v1/products/{product.Id}", Ct)).Headers.ETag!;
        await admin.PutAsJsonAsync($"/api/v1/products/{product.Id}", new { name = "First edit", categoryId = 1, price = 2m }, Ct);

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{product.Id}")
        {
            Content = JsonContent.Create(new { name = "Second edit", categoryId = 1, price = 3m }),
        };
        request.Headers.IfMatch.Add(original);
        var response = await admin.SendAsync(request, Ct);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("First edit", (await admin.GetFromJsonAsync<ProductResponse>($"/api/v1/products/{product.Id}", Ct))!.Name);
    }
}
