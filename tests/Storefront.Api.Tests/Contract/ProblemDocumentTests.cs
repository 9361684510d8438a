using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Contract;

/// <summary>
/// The document describes Storefront's problem+json bodies as they are sent: code, traceId and requestId on every
/// problem, and no property in a real answer that the schema does not list; response schemas list what every answer carries.
/// </summary>
public sealed class ProblemDocumentTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ProblemDetails")]
    [InlineData("HttpValidationProblemDetails")]
    public async Task Problem_schemas_list_and_require_code_traceId_and_requestId(string name)
    {
        var schema = await SchemaAsync(name);

        foreach (var member in new[] { "code", "traceId", "requestId" })
        {
            Assert.Equal(["string"], OpenApiDocument.Types(schema.GetProperty("properties").GetProperty(member)));
            Assert.Contains(member, OpenApiDocument.Required(schema));
        }
    }

    [Fact]
    public async Task Real_problem_answers_carry_only_properties_their_schema_lists()
    {
        var anonymous = factory.CreateClient();
        var user = await factory.RegisterAndLoginUserAsync();
        var answers = new (HttpResponseMessage Response, string Schema)[]
        {
            (await anonymous.GetAsync("/api/v1/users/me", Ct), "ProblemDetails"),
            (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { }, Ct), "HttpValidationProblemDetails"),
            (await anonymous.PostAsJsonAsync("/api/v1/auth/password/reset", new { token = "unknown", newPassword = "long-enough-password" }, Ct), "ProblemDetails"),
            (await user.Client.GetAsync($"/api/v1/orders/{Guid.NewGuid()}", Ct), "ProblemDetails"),
            (await anonymous.PostAsync("/api/v1/auth/login", new StringContent("{\"login\": ", System.Text.Encoding.UTF8, "application/json"), Ct), "ProblemDetails"),
        };

        foreach (var (response, name) in answers)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            var listed = (await SchemaAsync(name)).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            var unlisted = body.EnumerateObject().Select(p => p.Name).Where(p => !listed.Contains(p)).ToList();
            Assert.True(unlisted.Count == 0, $"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}: {string.Join(", ", unlisted)} not in {name}");
            foreach (var required in OpenApiDocument.Required(await SchemaAsync(name)))
            {
                Assert.True(body.TryGetProperty(required, out _), $"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}: no {required}");
            }
        }
    }

    [Fact]
    public async Task Response_schemas_require_every_property_they_always_carry_null_where_the_type_allows()
    {
        var product = await SchemaAsync("ProductResponse");
        var address = await SchemaAsync("ShippingAddressResponse");

        Assert.Equal(["category", "categoryId", "createdAt", "currency", "description", "id", "name", "price", "updatedAt"],
            OpenApiDocument.Required(product).Order(StringComparer.Ordinal));
        Assert.Equal(["city", "country", "line1", "line2", "name", "postalCode"], OpenApiDocument.Required(address).Order(StringComparer.Ordinal));
        Assert.Contains("null", OpenApiDocument.Types(address.GetProperty("properties").GetProperty("line2")));
        Assert.DoesNotContain("null", OpenApiDocument.Types(address.GetProperty("properties").GetProperty("line1")));
    }

    private async Task<JsonElement> SchemaAsync(string name)
    {
        var document = await OpenApiDocument.FetchAsync(factory);
        return document.Root.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
