using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// Input the document itself forbids: invalid JSON, a wrong content type, a missing body, missing
/// required fields and parameters, values of the wrong type, and unknown fields where
/// <c>additionalProperties</c> is false. Each must get a 4xx (<see cref="ProbeSession.ExpectRejectedAsync"/>).
/// </summary>
public static class MalformedInputProbe
{
    public const string InvalidJson = """{"pacer": "unterminated""";

    public static async Task RunAsync(ProbeSession session, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operation);
        const FindingKind Kind = FindingKind.MalformedInput;
        if (operation.JsonRequestBody is { } body)
        {
            var invalid = session.Draft(operation);
            invalid.RawBody = InvalidJson;
            await session.ExpectRejectedAsync(operation, Kind, "invalid JSON", invalid, cancellationToken).ConfigureAwait(false);

            var wrongType = session.Draft(operation);
            wrongType.ContentType = "text/plain";
            await session.ExpectRejectedAsync(operation, Kind, "a JSON body sent as text/plain", wrongType, cancellationToken).ConfigureAwait(false);

            if (operation.RequestBodyRequired)
            {
                var empty = session.Draft(operation);
                empty.Body = null;
                empty.ContentType = null;
                await session.ExpectRejectedAsync(operation, Kind, "a missing request body", empty, cancellationToken).ConfigureAwait(false);
            }

            var schema = body.Media.Schema is null ? null : BodyField.Effective(body.Media.Schema);
            if (schema is not null && (!schema.AdditionalPropertiesAllowed || schema.AdditionalProperties?.Not is not null))
            {
                var unknown = session.Draft(operation);
                if (unknown.Body is JsonObject obj)
                {
                    obj["pacerUnexpectedField"] = "unexpected";
                    await session.ExpectRejectedAsync(operation, Kind, "an unknown field where additionalProperties is false", unknown, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var slot in InputSlot.For(operation))
        {
            if (slot.Required && !slot.Name.StartsWith("path", StringComparison.Ordinal))
            {
                var missing = session.Draft(operation);
                slot.Remove(missing);
                await session.ExpectRejectedAsync(operation, Kind, $"missing required {slot.Name}", missing, cancellationToken).ConfigureAwait(false);
            }

            if (WrongType(slot.Schema) is { } wrong && (!slot.IsParameter || SchemaTypes.IsNumeric(slot.Schema) || SchemaTypes.Primary(slot.Schema) == JsonSchemaType.Boolean))
            {
                var mistyped = session.Draft(operation);
                slot.Set(mistyped, wrong);
                await session.ExpectRejectedAsync(operation, Kind, $"a {Describe(wrong)} in {slot.Name}", mistyped, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A value of a type the schema does not allow, or null when it allows anything.</summary>
    public static JsonNode? WrongType(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Type is null)
        {
            return null;
        }

        return SchemaTypes.Primary(schema) switch
        {
            JsonSchemaType.String => JsonValue.Create(12345),
            JsonSchemaType.Integer or JsonSchemaType.Number => SchemaTypes.Allows(schema, JsonSchemaType.String) ? JsonValue.Create(true) : JsonValue.Create("not-a-number"),
            JsonSchemaType.Boolean => JsonValue.Create("not-a-boolean"),
            JsonSchemaType.Object => JsonValue.Create("not-an-object"),
            JsonSchemaType.Array => JsonValue.Create("not-an-array"),
            _ => null,
        };
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => "string",
        System.Text.Json.JsonValueKind.Number => "number",
        _ => "boolean",
    } + " where the schema wants another type";
}
