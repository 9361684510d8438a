using Pacer.Contracts.Import;
using Pacer.Contracts.OpenApi;
using Xunit;

namespace Pacer.Contracts.Tests.Import;

public sealed class OpenApiImporterTests
{
    [Fact]
    public async Task Petstore_becomes_one_flow_per_tag_that_passes_check()
    {
        var spec = await OpenApiSpec.LoadFileAsync(PacerCheck.TestData("specs", "petstore-v2.json"), TestContext.Current.CancellationToken);

        var flows = OpenApiImporter.Import(spec);

        Assert.Equal(["pets.flow.md", "stores.flow.md"], flows.Select(f => f.FileName).Order());
        var pets = PacerCheck.Passes(flows.Single(f => f.FileName.EndsWith("pets.flow.md", StringComparison.Ordinal)));
        Assert.Equal(3, pets.Steps.Count);
    }

    [Fact]
    public async Task Steps_carry_example_requests_and_assertions_from_the_success_response()
    {
        var spec = await OpenApiSpec.LoadFileAsync(PacerCheck.TestData("specs", "petstore-v1.json"), TestContext.Current.CancellationToken);

        var text = OpenApiImporter.Import(spec).Single().Text;

        Assert.Contains("```kest\n@name Info for a specific pet\nGET /pets/sample-petId\n", text, StringComparison.Ordinal);
        Assert.Contains("""
            [Asserts]
            status == 200
            header.Content-Type contains "application/json"
            body is object
            body.id exists
            body.id isType number
            body.name exists
            body.name isType string
            """.ReplaceLineEndings("\n"), text, StringComparison.Ordinal);
        Assert.Contains("POST /pets\nContent-Type: application/json\n\n[Body]\n{\"name\":\"sample-name\",\"tag\":\"sample-tag\"}", text, StringComparison.Ordinal);
        Assert.Contains("GET /pets\n", text, StringComparison.Ordinal);
        Assert.Contains("body is array", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storefront_document_imports_with_a_token_variable_for_secured_operations()
    {
        var spec = await OpenApiSpec.LoadFileAsync(PacerCheck.TestData("specs", "storefront-v1.json"), TestContext.Current.CancellationToken);

        var flows = OpenApiImporter.Import(spec);

        Assert.True(flows.Count >= 5, string.Join(", ", flows.Select(f => f.FileName)));
        var steps = flows.Sum(f => PacerCheck.Passes(f).Steps.Count);
        Assert.Equal(33, steps);
        var orders = flows.Single(f => f.FileName == "orders.flow.md").Text;
        Assert.Contains("@var token=" + OpenApiImporter.TokenPlaceholder, orders, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer {{token}}", orders, StringComparison.Ordinal);
    }
}
