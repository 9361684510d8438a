using System.Text.Json.Nodes;
using Pacer.Contracts.Schema;
using Xunit;

namespace Pacer.Contracts.Tests.Schema;

/// <summary>The OpenAPI parts of the validator the official suite does not cover, and the violation text.</summary>
public sealed class OpenApiKeywordTests
{
    [Fact]
    public void Violation_names_the_pointer_the_property_the_keyword_what_was_wanted_and_what_came()
    {
        var violations = Validate("""{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"price":{"type":"number"}}}}}}""", """{"items":[{"price":"9.99"}]}""");

        var violation = Assert.Single(violations);
        Assert.Equal("/items/0/price (property 'price'): type: wanted number, got string \"9.99\"", violation.ToString());
        Assert.Equal(("/items/0/price", "price", "type"), (violation.InstancePointer, violation.Property, violation.Keyword));
    }

    [Fact]
    public void Nullable_of_openapi_3_0_allows_null_beside_a_type_and_an_enum()
    {
        const string schema = """{"type":"string","nullable":true,"enum":["a","b"]}""";

        Assert.Empty(Validate(schema, "null"));
        Assert.Empty(Validate(schema, "\"a\""));
        Assert.Equal("/: type: wanted string or null, got number 3", Assert.Single(Validate("""{"type":"string","nullable":true}""", "3")).ToString());
    }

    [Fact]
    public void Boolean_exclusive_bounds_of_openapi_3_0_exclude_the_bound_itself()
    {
        const string schema = """{"type":"number","minimum":1,"exclusiveMinimum":true,"maximum":5,"exclusiveMaximum":true}""";

        Assert.Equal("/: exclusiveMinimum: wanted > 1, got number 1", Assert.Single(Validate(schema, "1")).ToString());
        Assert.Equal("/: exclusiveMaximum: wanted < 5, got number 5", Assert.Single(Validate(schema, "5")).ToString());
        Assert.Empty(Validate(schema, "4.99"));
    }

    [Fact]
    public void Discriminator_checks_the_branch_the_instance_names_and_reports_only_its_problems()
    {
        const string document = """
            {"components":{"schemas":{
              "Pet":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],"discriminator":{"propertyName":"kind","mapping":{"dog":"#/components/schemas/Dog"}}},
              "Cat":{"type":"object","required":["kind","lives"],"properties":{"kind":{"type":"string"},"lives":{"type":"integer"}}},
              "Dog":{"type":"object","required":["kind","bark"],"properties":{"kind":{"type":"string"},"bark":{"type":"string"}}}}}}
            """;
        var validator = new JsonSchemaValidator(JsonNode.Parse(document)!);

        Assert.Empty(validator.ValidateAt("/components/schemas/Pet", JsonNode.Parse("""{"kind":"Cat","lives":9}""")));
        Assert.Equal("/ (property 'bark'): required: wanted property 'bark', got no such property", Assert.Single(validator.ValidateAt("/components/schemas/Pet", JsonNode.Parse("""{"kind":"dog"}"""))).ToString());
        Assert.Equal("/kind (property 'kind'): discriminator: wanted one of 'dog', got string \"fish\"", Assert.Single(validator.ValidateAt("/components/schemas/Pet", JsonNode.Parse("""{"kind":"fish"}"""))).ToString());
    }

    [Fact]
    public void WriteOnly_in_a_response_and_readOnly_in_a_request_are_violations_and_not_required_there()
    {
        const string schema = """{"type":"object","required":["id","password"],"properties":{"id":{"type":"integer","readOnly":true},"password":{"type":"string","writeOnly":true}}}""";

        Assert.Empty(Validate(schema, """{"id":1}""", SchemaDirection.Response));
        Assert.Empty(Validate(schema, """{"password":"x"}""", SchemaDirection.Request));
        Assert.Equal(
            "/password (property 'password'): writeOnly: wanted no writeOnly property 'password' in a response, got string \"x\"",
            Assert.Single(Validate(schema, """{"id":1,"password":"x"}""", SchemaDirection.Response)).ToString());
        Assert.Equal(
            "/id (property 'id'): readOnly: wanted no readOnly property 'id' in a request, got number 1",
            Assert.Single(Validate(schema, """{"id":1,"password":"x"}""", SchemaDirection.Request)).ToString());
        Assert.Empty(Validate(schema, """{"id":1,"password":"x"}"""));
    }

    [Fact]
    public void A_reference_cycle_that_consumes_no_instance_ends_instead_of_looping()
    {
        var violations = Validate("""{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a","type":"string"}},"$ref":"#/$defs/a"}""", "1");

        Assert.Equal("/: type: wanted string, got number 1", Assert.Single(violations).ToString());
    }

    [Fact]
    public void A_recursive_schema_validates_every_level_of_a_nested_instance()
    {
        const string schema = """{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"parent":{"$ref":"#"}}}""";

        var violations = Validate(schema, """{"name":"a","parent":{"name":"b","parent":{"parent":{"name":"d"}}}}""");

        Assert.Equal("/parent/parent (property 'name'): required: wanted property 'name', got no such property", Assert.Single(violations).ToString());
    }

    [Fact]
    public void String_lengths_count_code_points_so_an_emoji_is_one_character()
    {
        Assert.Empty(Validate("""{"maxLength":2}""", "\"a😀\""));
        Assert.Equal("/: maxLength: wanted at most 1 characters, got 2 (\"a😀\")", Assert.Single(Validate("""{"maxLength":1}""", "\"a😀\"")).ToString());
    }

    [Fact]
    public void Patterns_are_ecma_so_digits_are_ascii_and_matches_are_unanchored()
    {
        Assert.Empty(Validate("""{"pattern":"\\d+"}""", "\"abc123\""));
        Assert.Single(Validate("""{"pattern":"^\\d+$"}""", "\"١٢٣\""));
    }

    [Fact]
    public void A_failed_oneOf_quotes_the_closest_branch()
    {
        var violation = Assert.Single(Validate("""{"oneOf":[{"type":"string"},{"type":"object","required":["id"]}]}""", "{}"));

        Assert.Equal("/: oneOf: wanted a match for exactly one of 2 schemas, got an object matching none (closest: / (property 'id'): required: wanted property 'id', got no such property)", violation.ToString());
    }

    private static IReadOnlyList<SchemaViolation> Validate(string schema, string instance, SchemaDirection direction = SchemaDirection.Any) =>
        new JsonSchemaValidator(JsonNode.Parse(schema)!).Validate(JsonNode.Parse(instance), direction);
}
