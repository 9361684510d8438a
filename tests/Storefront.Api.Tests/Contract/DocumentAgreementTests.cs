using System.Net;
using System.Net.Http.Json;
using System.Text;
using Storefront.Api.Features.Payments;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Contract;

/// <summary>
/// The 14 mismatches Schemathesis found between the OpenAPI document and the API (issue #17), one test each: the
/// document now states the rule, and the API behaves as stated.
/// </summary>
public sealed class DocumentAgreementTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Mismatches 1-7: required body fields were documented as ["null","string"], and null was answered 400.</summary>
    [Theory]
    [InlineData("/api/v1/auth/login", "login", false)]
    [InlineData("/api/v1/auth/logout", "refreshToken", false)]
    [InlineData("/api/v1/auth/password/forgot", "email", false)]
    [InlineData("/api/v1/auth/password/reset", "token", false)]
    [InlineData("/api/v1/auth/refresh", "refreshToken", false)]
    [InlineData("/api/v1/auth/register", "email", false)]
    [InlineData("/api/v1/users/me/password", "currentPassword", true)]
    public async Task A_required_body_field_is_documented_non_null_and_null_is_refused(string path, string field, bool signedIn)
    {
        var document = await OpenApiDocument.FetchAsync(host.App);
        var schema = document.RequestSchema("post", path);

        foreach (var required in OpenApiDocument.Required(schema))
        {
            Assert.DoesNotContain("null", OpenApiDocument.Types(schema.GetProperty("properties").GetProperty(required)));
        }

        Assert.Contains(field, OpenApiDocument.Required(schema));
        var client = signedIn ? await host.NewShopperAsync() : host.App.CreateClient();
        var body = OpenApiDocument.Required(schema).ToDictionary(name => name, name => (object?)(name == field ? null : "some-valid-Value-1@example.test"));
        var response = await client.PostAsJsonAsync(path, body, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.True(document.Operation("post", path).GetProperty("responses").TryGetProperty("400", out _));
    }

    /// <summary>Mismatches 8-9: Idempotency-Key was documented as optional and its absence answered 400.</summary>
    [Theory]
    [InlineData("orders")]
    [InlineData("payments")]
    public async Task The_Idempotency_Key_header_is_documented_required_and_its_absence_refused(string operation)
    {
        var document = await OpenApiDocument.FetchAsync(host.App);
        var shopper = await host.ShopperAsync();
        HttpResponseMessage response;
        string path;
        if (operation == "orders")
        {
            path = "/api/v1/orders";
            response = await shopper.PostAsJsonAsync(path, new { items = new[] { new { productId = Guid.NewGuid(), quantity = 1 } }, shippingAddress = CommerceClient.Address }, Ct);
        }
        else
        {
            var product = await (await host.AdminAsync()).CreateProductAsync(5);
            var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
            path = "/api/v1/orders/{orderId}/payments";
            response = await shopper.PostAsJsonAsync($"/api/v1/orders/{order.Id}/payments",
                new { method = "card", card = new { number = Cards.Succeeds, expMonth = 12, expYear = 2099, cvc = "123" } }, Ct);
        }

        var header = document.Parameter("post", path, "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.True(header.GetProperty("required").GetBoolean());
        Assert.False(OpenApiDocument.Admits(header.GetProperty("schema"), ""));
        await ProblemAssert.IsProblemAsync(response, 400);
    }

    /// <summary>Mismatch 10: PUT /users/me marked fullName required although it is a partial update ({"fullName": null} → 200).</summary>
    [Fact]
    public async Task Profile_fullName_is_optional_and_nullable_as_the_partial_update_treats_it()
    {
        var schema = (await OpenApiDocument.FetchAsync(host.App)).RequestSchema("put", "/api/v1/users/me");
        var shopper = await host.NewShopperAsync();

        var response = await shopper.PutAsync("/api/v1/users/me", Json("""{"fullName": null}"""), Ct);

        Assert.DoesNotContain("fullName", OpenApiDocument.Required(schema));
        Assert.Contains("null", OpenApiDocument.Types(schema.GetProperty("properties").GetProperty("fullName")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Mismatch 11: PUT /users/me marked email required yet admitted "", which is answered 400.</summary>
    [Fact]
    public async Task Profile_email_is_optional_and_the_document_refuses_the_empty_string_the_api_refuses()
    {
        var schema = (await OpenApiDocument.FetchAsync(host.App)).RequestSchema("put", "/api/v1/users/me");
        var email = schema.GetProperty("properties").GetProperty("email");
        var shopper = await host.NewShopperAsync();

        var empty = await shopper.PutAsync("/api/v1/users/me", Json("""{"email": ""}"""), Ct);
        var omitted = await shopper.PutAsync("/api/v1/users/me", Json("{}"), Ct);

        Assert.DoesNotContain("email", OpenApiDocument.Required(schema));
        Assert.False(OpenApiDocument.Admits(email, ""));
        Assert.True(OpenApiDocument.Admits(email, "someone@example.test"));
        await ProblemAssert.IsProblemAsync(empty, 400, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, omitted.StatusCode);
    }

    /// <summary>Mismatches 12-13: pageSize=0 and page=0 were refused by bounds the document did not state.</summary>
    [Theory]
    [InlineData("pageSize", 0, 1, 100)]
    [InlineData("page", 0, 1, 1_000_000)]
    public async Task Paging_bounds_are_documented_and_enforced_on_every_list(string name, int refused, int minimum, int maximum)
    {
        var document = await OpenApiDocument.FetchAsync(host.App);
        var admin = await host.AdminAsync();
        foreach (var path in new[] { "/api/v1/products", "/api/v1/orders", "/api/v1/admin/users" })
        {
            var schema = document.Parameter("get", path, name).GetProperty("schema");
            Assert.Equal(minimum, schema.GetProperty("minimum").GetInt32());
            Assert.Equal(maximum, schema.GetProperty("maximum").GetInt32());

            var below = await admin.GetAsync($"{path}?{name}={refused}", Ct);
            var above = await admin.GetAsync($"{path}?{name}={maximum + 1}", Ct);
            var atBound = await admin.GetAsync($"{path}?{name}={maximum}", Ct);

            await ProblemAssert.IsProblemAsync(below, 400);
            await ProblemAssert.IsProblemAsync(above, 400);
            Assert.Equal(HttpStatusCode.OK, atBound.StatusCode);
        }
    }

    /// <summary>Mismatch 14: a refund of 0 was refused by a bound the document did not state.</summary>
    [Fact]
    public async Task A_refund_amount_is_documented_above_zero_in_cents_and_zero_is_refused()
    {
        var refund = (await OpenApiDocument.FetchAsync(host.App)).RequestSchema("post", "/api/v1/payments/{id}/refund");
        var amount = refund.GetProperty("properties").GetProperty("amount");
        var product = await (await host.AdminAsync()).CreateProductAsync(5, price: 10m);
        var shopper = await host.ShopperAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
        var payment = await (await shopper.PayAsync(order.Id, Cards.Succeeds)).OkAsync<PaymentResponse>(HttpStatusCode.Created);

        var zero = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 0m }, Ct);
        var fraction = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 0.001m }, Ct);
        var cent = await shopper.PostAsJsonAsync($"/api/v1/payments/{payment.Id}/refund", new { amount = 0.01m }, Ct);

        Assert.Equal(0, amount.GetProperty("exclusiveMinimum").GetDecimal());
        Assert.Equal(0.01m, amount.GetProperty("multipleOf").GetDecimal());
        Assert.DoesNotContain("amount", OpenApiDocument.Required(refund));
        await ProblemAssert.IsProblemAsync(zero, 400, "validation_failed");
        await ProblemAssert.IsProblemAsync(fraction, 400, "validation_failed");
        Assert.Equal(HttpStatusCode.Created, cent.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
