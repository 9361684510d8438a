using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;
using Xunit;

namespace Pacer.Contracts.Tests.Validation;

/// <summary>A response against its operation: found by URL under the server's base path, then status, content type, body.</summary>
public sealed class ResponseValidatorTests
{
    private const string Yaml = """
        openapi: 3.0.3
        info: { title: Pets, version: "1" }
        servers:
          - url: https://pets.example/api
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
                '404':
                  description: missing
          /pets/search:
            get:
              operationId: searchPets
              responses:
                2XX:
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
                default:
                  description: any error
                  content:
                    application/problem+json:
                      schema: { type: object }
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: { type: string, format: uuid }
                name: { type: string, nullable: true }
                born: { type: string, format: date }
        """;

    private const string Cat = """{"id":"6f1c1b9e-8c4e-4d6a-9a7e-0c6f1d2e3f40","name":"Tom","born":"2020-02-29"}""";

    [Fact]
    public async Task A_documented_response_with_a_valid_body_has_no_violations()
    {
        var validator = await ValidatorAsync();

        Assert.Empty(validator.Validate("GET", new Uri("http://127.0.0.1:5000/api/pets/42"), 200, "application/json; charset=utf-8", Cat));
        Assert.Empty(validator.Validate("GET", new Uri("http://127.0.0.1:5000/api/pets/42"), 200, "application/json", """{"id":"6f1c1b9e-8c4e-4d6a-9a7e-0c6f1d2e3f40","name":null}"""));
        Assert.Empty(validator.Validate("GET", new Uri("http://127.0.0.1:5000/api/pets/42"), 404, null, ""));
    }

    [Fact]
    public async Task Matches_the_most_literal_template_after_the_servers_base_path()
    {
        var validator = await ValidatorAsync();

        Assert.Equal("GET /pets/search", validator.Operations.Find("GET", new Uri("http://h/api/pets/search"), out _)?.DisplayName);
        Assert.Equal("GET /pets/{id}", validator.Operations.Find("get", new Uri("http://h/api/pets/7"), out _)?.DisplayName);
        Assert.Null(validator.Operations.Find("DELETE", new Uri("http://h/api/pets/7"), out var pathExists));
        Assert.True(pathExists);
    }

    [Fact]
    public async Task Each_kind_of_violation_reads_as_one_line_naming_the_operation()
    {
        var validator = await ValidatorAsync();
        var url = new Uri("http://h/api/pets/7");

        Assert.Equal("GET /pets/{id} → 500: status: wanted one of 200, 404, got 500", Single(validator.Validate("GET", url, 500, "text/plain", "boom")));
        Assert.Equal("GET /pets/{id} → 200: content-type: wanted one of application/json, got text/html", Single(validator.Validate("GET", url, 200, "text/html", "<p>")));
        Assert.Equal(
            "GET /pets/{id} → 200: body /name (property 'name'): type: wanted null or string, got number 5",
            Single(validator.Validate("GET", url, 200, "application/json", """{"id":"6f1c1b9e-8c4e-4d6a-9a7e-0c6f1d2e3f40","name":5}""")));
        Assert.Equal(
            "GET /pets/{id} → 200: body /born (property 'born'): format: wanted a date, got string \"2021-02-29\"",
            Single(validator.Validate("GET", url, 200, "application/json", """{"id":"6f1c1b9e-8c4e-4d6a-9a7e-0c6f1d2e3f40","name":"a","born":"2021-02-29"}""")));
        Assert.Equal("DELETE /api/pets/7 → 204: operation: wanted a method the document lists for /api/pets/7, got DELETE", Single(validator.Validate("DELETE", url, 204, null, "")));
        Assert.Equal("GET /api/owners → 200: operation: wanted a path the document lists, got /api/owners", Single(validator.Validate("GET", new Uri("http://h/api/owners"), 200, null, "")));
        Assert.Equal("GET /pets/{id} → 404: content: wanted no body (response 404 documents none), got 5 characters of text/plain", Single(validator.Validate("GET", url, 404, "text/plain", "gone!")));
    }

    [Fact]
    public async Task Status_ranges_and_default_responses_are_documented_statuses()
    {
        var validator = await ValidatorAsync();
        var url = new Uri("http://h/api/pets/search");

        Assert.Empty(validator.Validate("GET", url, 206, "application/json", "[" + Cat + "]"));
        Assert.Empty(validator.Validate("GET", url, 503, "application/problem+json", "{}"));
        Assert.Equal("GET /pets/search → 200: body /0/id (property 'id'): format: wanted a uuid, got string \"x\"", Single(validator.Validate("GET", url, 200, "application/json", """[{"id":"x","name":"a"}]""")));
    }

    [Fact]
    public async Task Finds_operations_by_operationId()
    {
        var validator = await ValidatorAsync();

        Assert.Equal("GET /pets/search", validator.Operations.ById("searchPets")?.DisplayName);
        Assert.Null(validator.Operations.ById("nope"));
    }

    private static string Single(IReadOnlyList<ContractViolation> violations) => Assert.Single(violations).ToString();

    private static async Task<ResponseValidator> ValidatorAsync() =>
        new(await OpenApiSpec.LoadAsync(Yaml, "pets.yaml", TestContext.Current.CancellationToken));
}
