using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Contracts.Tests.Generation;

public sealed class RequestGeneratorTests
{
    private const string Spec = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Shop", "version": "1" },
          "paths": {
            "/shops/{shopId}/orders": {
              "parameters": [ { "name": "shopId", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
              "post": {
                "parameters": [
                  { "name": "dryRun", "in": "query", "required": true, "schema": { "type": "boolean" } },
                  { "name": "page", "in": "query", "schema": { "type": "integer", "default": 3 } },
                  { "name": "ignored", "in": "query", "schema": { "type": "string" } },
                  { "name": "X-Tenant", "in": "header", "required": true, "schema": { "type": "string", "enum": ["eu", "us"] } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } },
                "responses": { "201": { "description": "created" } }
              }
            },
            "/pets": {
              "post": {
                "requestBody": { "content": { "application/json": {
                  "schema": { "type": "object" },
                  "example": { "name": "Rex", "tag": "dog" } } } },
                "responses": { "201": { "description": "created" } }
              }
            },
            "/nodes": {
              "put": {
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } } },
                "responses": { "200": { "description": "ok" } }
              }
            }
          },
          "components": {
            "schemas": {
              "Order": {
                "type": "object",
                "required": ["customerEmail", "quantity", "placedAt", "status"],
                "properties": {
                  "id": { "type": "string", "format": "uuid", "readOnly": true },
                  "customerEmail": { "type": "string", "format": "email" },
                  "website": { "type": "string", "format": "uri" },
                  "placedAt": { "type": "string", "format": "date-time" },
                  "quantity": { "type": "integer", "minimum": 5, "maximum": 10 },
                  "discount": { "type": "number", "exclusiveMaximum": 0.5, "exclusiveMinimum": 0.1 },
                  "status": { "type": "string", "enum": ["pending", "paid"] },
                  "code": { "type": "string", "minLength": 12, "maxLength": 12 },
                  "lines": { "type": "array", "minItems": 2, "items": { "$ref": "#/components/schemas/Line" } }
                }
              },
              "Line": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string", "example": "SKU-1" } } },
              "Node": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                  "parent": { "$ref": "#/components/schemas/Node" }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Builds_path_query_header_and_body_from_schemas()
    {
        var request = await BuildAsync("/shops/{shopId}/orders", HttpMethod.Post);

        Assert.Equal("POST", request.Method);
        Assert.Equal("/shops/3fa85f64-5717-4562-b3fc-2c963f66afa6/orders?dryRun=true&page=3", request.PathAndQuery);
        Assert.Equal("eu", request.Header("X-Tenant"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal("user@example.com", (string?)body["customerEmail"]);
        Assert.Equal("https://example.com/", (string?)body["website"]);
        Assert.True(DateTimeOffset.TryParse((string?)body["placedAt"], System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(5, (int)body["quantity"]!);
        var discount = (decimal)body["discount"]!;
        Assert.InRange(discount, 0.11m, 0.49m);
        Assert.Equal("pending", (string?)body["status"]);
        Assert.Equal(12, ((string?)body["code"])!.Length);
        Assert.False(body.ContainsKey("id"), "read-only properties are not sent");
        Assert.Equal(2, body["lines"]!.AsArray().Count);
        Assert.Equal("SKU-1", (string?)body["lines"]![0]!["sku"]);
    }

    [Fact]
    public async Task Uses_the_media_type_example_when_there_is_one()
    {
        var request = await BuildAsync("/pets", HttpMethod.Post);

        Assert.Equal("""{"name":"Rex","tag":"dog"}""", request.Body);
    }

    [Fact]
    public async Task Recursive_references_end_instead_of_looping()
    {
        var request = await BuildAsync("/nodes", HttpMethod.Put);

        var body = JsonNode.Parse(request.Body!)!.AsObject();
        Assert.Equal("sample-name", (string?)body["name"]);
        Assert.False(body.ContainsKey("parent"), "a schema is not expanded inside itself");
    }

    [Fact]
    public async Task Every_generated_request_writes_a_kest_block_the_flow_parser_accepts()
    {
        var spec = await OpenApiSpec.LoadAsync(Spec, "shop.json", TestContext.Current.CancellationToken);
        foreach (var operation in OperationCatalog.List(spec))
        {
            var block = KestBlock.Write(RequestGenerator.Build(operation), operation.Label, ["status < 300"]);
            var parsed = FlowParser.Parse("generated.flow.md", block);

            Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Message)) + "\n" + block);
            Assert.Single(parsed.Document!.Steps);
        }
    }

    [Fact]
    public void Kest_block_escapes_template_braces_in_bodies_and_urls()
    {
        var request = new GeneratedRequest("POST", "/search?q={{7*7}}", [new("Content-Type", "application/json")], """{"q":"{{7*7}}","list":[1]}""");

        var block = KestBlock.Write(request, "template text");
        var parsed = FlowParser.Parse("escaped.flow.md", block);

        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
        Assert.Contains("""{"q":"{\u007b7*7}}","list":[1]}""", block, StringComparison.Ordinal);
        Assert.Equal("{{7*7}}", (string?)JsonNode.Parse(KestBlock.BodySafe("""{"q":"{{7*7}}"}"""))!["q"]);
    }

    private static async Task<GeneratedRequest> BuildAsync(string path, HttpMethod method)
    {
        var spec = await OpenApiSpec.LoadAsync(Spec, "shop.json", TestContext.Current.CancellationToken);
        var operation = spec.Document.Paths[path].Operations![method];
        return RequestGenerator.Build(spec, path, method, operation);
    }
}
