using System.Text.Json.Nodes;
using Pacer.Contracts.OpenApi;
using Pacer.Testing.Contracts;
using Pacer.Testing.Samples.Infrastructure;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>
/// Issue 8: <c>response.ShouldMatchOpenApi(document, operationId)</c> — a response checked against
/// Storefront's own OpenAPI document, in-process, with <c>pacer contract</c>'s violation text on failure.
/// </summary>
public sealed class OpenApiSamples(StorefrontInProcess storefront) : IClassFixture<StorefrontInProcess>
{
    [Fact]
    public async Task A_response_matches_its_operation_in_storefronts_own_document()
    {
        using var client = storefront.CreateClient();
        var document = await OpenApiSpec.LoadAsync(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), "v1.json", TestContext.Current.CancellationToken);

        using var response = await client.GetAsync("/api/v1/products?pageSize=5", TestContext.Current.CancellationToken);

        response.ShouldMatchOpenApi(document, "ListProducts");
    }

    [Fact]
    public async Task A_response_that_breaks_the_document_throws_with_the_violation_text()
    {
        using var client = storefront.CreateClient();
        var served = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        served["components"]!["schemas"]!["CategoryResponse"]!["required"]!.AsArray().Add("colour");
        var document = await OpenApiSpec.LoadAsync(served.ToJsonString(), "changed.json", TestContext.Current.CancellationToken);

        using var response = await client.GetAsync("/api/v1/categories", TestContext.Current.CancellationToken);

        var failure = Assert.Throws<OpenApiContractException>(() => response.ShouldMatchOpenApi(document, "ListCategories"));
        Assert.Contains("GET /api/v1/categories → 200: body /0 (property 'colour'): required: wanted property 'colour', got no such property", failure.Message, StringComparison.Ordinal);
    }
}
