using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Contracts.Schema;
using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance;

/// <summary>
/// An operation's request schemas as the JSON tree states them (its JSON body's schema and each parameter's, path-level
/// parameters included), so a generated request is validated by the same validator that checks answers: a positive case
/// is kept only if it validates, a negative one only if it does not.
/// </summary>
public sealed class RequestSchemas
{
    private readonly JsonSchemaValidator validator;
    private readonly Dictionary<(string In, string Name), JsonNode> parameters = [];

    public RequestSchemas(ResponseValidator responses, DocumentedOperation operation)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(operation);
        validator = responses.Schemas;
        var document = responses.Document;
        var pathItem = OpenApiJson.Dereference(document, document["paths"]?[operation.PathTemplate]) as JsonObject;
        foreach (var list in new[] { pathItem?["parameters"], operation.Node["parameters"] })
        {
            foreach (var parameter in (list as JsonArray ?? []).Select(p => OpenApiJson.Dereference(document, p)).OfType<JsonObject>())
            {
                if (parameter["in"]?.GetValue<string>() is { } location && parameter["name"]?.GetValue<string>() is { } name && parameter["schema"] is { } schema)
                {
                    parameters[(location, name)] = schema;
                }
            }
        }

        var body = OpenApiJson.Dereference(document, operation.Node["requestBody"]) as JsonObject;
        BodySchema = (body?["content"] as JsonObject)?
            .Where(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase))
            .Select(c => (OpenApiJson.Dereference(document, c.Value) as JsonObject)?["schema"])
            .FirstOrDefault(s => s is not null);
    }

    public JsonNode? BodySchema { get; }

    /// <summary>True when the body validates against the body schema (or there is no schema to break).</summary>
    public bool BodyValid(JsonNode? body) => BodySchema is null || validator.Validate(BodySchema, body, SchemaDirection.Request).Count == 0;

    /// <summary>
    /// True when a parameter's text validates against its schema, read as a number where the schema takes numbers and
    /// the text is one (a query string carries <c>5</c> for an integer). Unknown parameters and a missing value count as valid.
    /// </summary>
    public bool ParameterValid(string location, string name, string? text)
    {
        if (text is null || !parameters.TryGetValue((location, name), out var schema))
        {
            return true;
        }

        JsonNode value = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TakesNumbers(schema)
            ? JsonValue.Create(number)
            : text is "true" or "false" && TakesBooleans(schema) ? JsonValue.Create(text == "true") : JsonValue.Create(text);
        return validator.Validate(schema, value, SchemaDirection.Request).Count == 0;
    }

    private static bool TakesNumbers(JsonNode schema) => Types(schema).Any(t => t is "integer" or "number");

    private static bool TakesBooleans(JsonNode schema) => Types(schema).Contains("boolean");

    private static IEnumerable<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonValue one => [one.GetValue<string>()],
        JsonArray many => many.Select(t => t?.GetValue<string>() ?? ""),
        _ => [],
    };
}
