using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Inventory;

public sealed class InventoryAdjustTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_can_read_a_products_stock()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(12);

        var stock = await host.App.CreateClient().GetStockAsync(product.Id);

        Assert.Equal(new StockResponse(product.Id, 12, 0), stock);
        await (await host.App.CreateClient().GetAsync($"/api/v1/inventory/{Guid.NewGuid()}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_adjustment_changes_stock_and_leaves_an_audit_row()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(10);

        var added = await (await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 5, reason = "Delivery #881" }, Ct))
            .OkAsync<AdjustStockResponse>();
        var removed = await (await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = -3, reason = "Damaged in store" }, Ct))
            .OkAsync<AdjustStockResponse>();

        Assert.Equal(15, added.Available);
        Assert.Equal(12, removed.Available);
        Assert.Equal(12, (await admin.GetStockAsync(product.Id)).Available);
        var audit = await host.App.WithDbAsync(db => db.Set<InventoryAdjustment>()
            .Where(a => a.ProductId == product.Id).OrderBy(a => a.CreatedAt).ToListAsync(Ct));
        Assert.Equal([(5, "Delivery #881", 15), (-3, "Damaged in store", 12)], audit.Select(a => (a.Delta, a.Reason, a.AvailableAfter)));
        Assert.All(audit, a => Assert.NotEqual(Guid.Empty, a.AdjustedBy));
        Assert.Equal([added.AdjustmentId, removed.AdjustmentId], audit.Select(a => a.Id));
    }

    [Fact]
    public async Task Shoppers_cannot_adjust_stock()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(4);
        var shopper = await host.ShopperAsync();

        var response = await shopper.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 1000, reason = "free stuff" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(4, (await shopper.GetStockAsync(product.Id)).Available);
        Assert.False(await host.App.WithDbAsync(db => db.Set<InventoryAdjustment>().AnyAsync(a => a.ProductId == product.Id, Ct)));
    }

    [Fact]
    public async Task Stock_on_hand_cannot_be_adjusted_below_what_is_reserved()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(5);
        await (await host.ShopperAsync()).PlaceOrderOkAsync(product.Id, 3);

        var tooMuch = await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = -3, reason = "recount" }, Ct);
        var problem = await tooMuch.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, problem.GetProperty("available").GetInt32());
        Assert.Equal(3, problem.GetProperty("reserved").GetInt32());

        var exact = await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = -2, reason = "recount" }, Ct);
        Assert.Equal(new StockResponse(product.Id, 0, 3), await admin.GetStockAsync(product.Id));
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
    }

    [Fact]
    public async Task Adjustment_needs_a_non_zero_delta_and_a_reason()
    {
        var admin = await host.AdminAsync();
        var product = await admin.CreateProductAsync(1);

        var response = await admin.PostAsJsonAsync($"/api/v1/inventory/{product.Id}/adjust", new { delta = 0, reason = "" }, Ct);

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("delta", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        await (await admin.PostAsJsonAsync($"/api/v1/inventory/{Guid.NewGuid()}/adjust", new { delta = 1, reason = "x" }, Ct))
            .ProblemAsync(HttpStatusCode.NotFound);
    }
}
