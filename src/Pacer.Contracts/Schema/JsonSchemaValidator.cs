using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// Validates JSON instances against the schemas of one document: a plain JSON Schema (draft 2020-12),
/// or an OpenAPI document whose schemas are nodes inside it, so <c>$ref</c>s such as
/// <c>#/components/schemas/Product</c> resolve. Built once per document; validation is thread-safe
/// because each call gets its own evaluator.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly SchemaResources resources;

    public JsonSchemaValidator(JsonNode document, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        resources = new SchemaResources(document, baseUri);
    }

    public JsonNode Document { get; }

    /// <summary>Validates against the document itself (the whole document is the schema).</summary>
    public IReadOnlyList<SchemaViolation> Validate(JsonNode? instance, SchemaDirection direction = SchemaDirection.Any) =>
        Validate(Document, instance, direction);

    /// <summary>Validates against <paramref name="schema"/>, which must be a node of <see cref="Document"/> (or a boolean schema).</summary>
    public IReadOnlyList<SchemaViolation> Validate(JsonNode schema, JsonNode? instance, SchemaDirection direction = SchemaDirection.Any)
    {
        var violations = new List<SchemaViolation>();
        new SchemaEvaluator(resources, direction).Evaluate(schema, instance, "", null, violations);
        return violations;
    }

    /// <summary>Validates against the schema at a JSON pointer into <see cref="Document"/> (e.g. <c>/components/schemas/Product</c>).</summary>
    public IReadOnlyList<SchemaViolation> ValidateAt(string schemaPointer, JsonNode? instance, SchemaDirection direction = SchemaDirection.Any)
    {
        if (!JsonPointer.TryResolve(Document, schemaPointer, out var schema) || schema is null)
        {
            throw new ArgumentException($"no schema at {schemaPointer}", nameof(schemaPointer));
        }

        return Validate(schema, instance, direction);
    }
}
