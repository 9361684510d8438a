using Pacer.Contracts.Import;
using Xunit;

namespace Pacer.Contracts.Tests.Import;

public sealed class PostmanImporterTests
{
    private static IReadOnlyList<ImportedFlow> Import() =>
        PostmanImporter.Import(File.ReadAllText(PacerCheck.TestData("postman", "storefront.postman_collection.json")), "storefront.postman_collection.json");

    [Fact]
    public void Writes_one_flow_per_top_level_folder_plus_the_root_requests_and_each_passes_check()
    {
        var flows = Import();

        Assert.Equal(["storefront-api-auth.flow.md", "storefront-api-catalog.flow.md", "storefront-api.flow.md"], flows.Select(f => f.FileName).Order());
        Assert.Equal([2, 3, 1], flows.OrderBy(f => f.FileName, StringComparer.Ordinal).Select(f => PacerCheck.Passes(f).Steps.Count));
    }

    [Fact]
    public void Keeps_variables_bearer_auth_and_raw_json_bodies()
    {
        var auth = Import().Single(f => f.FileName == "storefront-api-auth.flow.md").Text;
        var catalog = Import().Single(f => f.FileName == "storefront-api-catalog.flow.md").Text;

        Assert.Contains("@var baseUrl=http://127.0.0.1:5080/api/v1", auth, StringComparison.Ordinal);
        Assert.Contains("@var shopper_email=alice@storefront.local", auth, StringComparison.Ordinal);
        Assert.Contains("@var password=replace-me", auth, StringComparison.Ordinal);
        Assert.Contains("POST {{baseUrl}}/auth/login\nContent-Type: application/json\n", auth, StringComparison.Ordinal);
        Assert.Contains("\"login\": \"{{shopper_email}}\"", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Debug", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", auth, StringComparison.Ordinal); // noauth on every auth request
        Assert.Contains("email={{shopper_email}}", auth, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer {{accessToken}}", catalog, StringComparison.Ordinal); // inherited from the collection
        Assert.Contains("Idempotency-Key: {{$uuid}}", catalog, StringComparison.Ordinal);
        Assert.Contains("{{$isoDate}}", catalog, StringComparison.Ordinal);
        Assert.Contains("## Orders", catalog, StringComparison.Ordinal);
        Assert.Contains("status == 201", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_what_it_did_not_import()
    {
        var flows = Import();
        var auth = flows.Single(f => f.FileName == "storefront-api-auth.flow.md").Text;
        var catalog = flows.Single(f => f.FileName == "storefront-api-catalog.flow.md").Text;

        Assert.Contains("Postman test script (4 line(s) of JavaScript) is not imported", auth, StringComparison.Ordinal);
        Assert.Contains("Its `formdata` body is not imported.", catalog, StringComparison.Ordinal);
        Assert.Contains("`$randomFirstName`", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_what_is_not_a_collection() =>
        Assert.Contains("not valid JSON", Assert.Throws<ImportException>(() => PostmanImporter.Import("{ nope", "x.json")).Message, StringComparison.Ordinal);
}
