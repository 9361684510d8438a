using Microsoft.OpenApi;
using Pacer.Contracts.OpenApi;
using Xunit;

namespace Pacer.Contracts.Tests.OpenApi;

public sealed class OpenApiSpecTests
{
    private const string Yaml = """
        openapi: 3.0.3
        info:
          title: Pets
          version: "1.0"
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: { type: integer, minimum: 1 }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: { type: string, nullable: true }
                parent: { $ref: '#/components/schemas/Pet' }
        """;

    [Fact]
    public async Task Reads_yaml_with_typed_scalars_and_quoted_strings()
    {
        var spec = await OpenApiSpec.LoadAsync(Yaml, "pets.yaml", TestContext.Current.CancellationToken);

        Assert.Equal("1.0", spec.Document.Info.Version);
        var operation = spec.Document.Paths["/pets/{id}"].Operations![HttpMethod.Get];
        Assert.Equal("getPet", operation.OperationId);
        Assert.Equal(1m, decimal.Parse(operation.Parameters![0].Schema!.Minimum!, System.Globalization.CultureInfo.InvariantCulture));
        var pet = operation.Responses!["200"].Content!["application/json"].Schema!;
        Assert.Contains("name", pet.Required!);
        Assert.Contains("parent", pet.Properties!.Keys);
    }

    [Fact]
    public async Task A_document_with_errors_names_its_source()
    {
        var error = await Assert.ThrowsAsync<OpenApiLoadException>(() =>
            OpenApiSpec.LoadAsync("openapi: [1, 2", "broken.yaml", TestContext.Current.CancellationToken));

        Assert.StartsWith("broken.yaml:", error.Message, StringComparison.Ordinal);
    }
}
