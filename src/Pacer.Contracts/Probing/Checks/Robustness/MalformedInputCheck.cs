using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Robustness: input the document itself forbids — invalid JSON, a JSON body as text/plain, a missing body, each
/// required field or parameter missing, a value of the wrong type, an unknown field where additionalProperties is
/// false, numbers just outside their bounds, strings one past maxLength. Each must be refused with a 4xx; a 5xx is a
/// finding (confirmed by a repeat, against the valid request), a 2xx a note.
/// </summary>
public sealed class MalformedInputCheck : IProbeCheck
{
    public const string InvalidJson = """{"pacer": "unterminated""";

    public string Name => "malformed-input";

    public OwaspCategory Category => OwaspCategory.Robustness;

    public string Description => "invalid JSON, wrong types, missing required input, out-of-range values: a finding on a 5xx";

    public async Task RunAsync(ProbeSession session, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var operation in operations)
        {
            foreach (var (what, draft) in Cases(session, operation))
            {
                if (!await RobustnessProbe.SendAsync(this, session, operation, what, draft, mustReject: true, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
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

    private static IEnumerable<(string What, RequestDraft Draft)> Cases(ProbeSession session, ApiOperation operation)
    {
        if (operation.JsonRequestBody is { } body)
        {
            var invalid = session.Draft(operation);
            invalid.RawBody = InvalidJson;
            yield return ("invalid JSON", invalid);

            var wrongType = session.Draft(operation);
            wrongType.ContentType = "text/plain";
            yield return ("a JSON body sent as text/plain", wrongType);

            if (operation.RequestBodyRequired)
            {
                var empty = session.Draft(operation);
                empty.Body = null;
                empty.ContentType = null;
                yield return ("a missing request body", empty);
            }

            var schema = body.Media.Schema is null ? null : BodyField.Effective(body.Media.Schema);
            if (schema is not null && (!schema.AdditionalPropertiesAllowed || schema.AdditionalProperties?.Not is not null))
            {
                var unknown = session.Draft(operation);
                if (unknown.Body is JsonObject obj)
                {
                    obj["pacerUnexpectedField"] = "unexpected";
                    yield return ("an unknown field where additionalProperties is false", unknown);
                }
            }
        }

        foreach (var slot in InputSlot.For(operation))
        {
            if (slot.Required && slot.Location != SlotLocation.Path)
            {
                var missing = session.Draft(operation);
                slot.Remove(missing);
                yield return ($"missing required {slot.Name}", missing);
            }

            if (WrongType(slot.Schema) is { } wrong && (!slot.IsParameter || SchemaTypes.IsNumeric(slot.Schema) || SchemaTypes.Primary(slot.Schema) == JsonSchemaType.Boolean))
            {
                var mistyped = session.Draft(operation);
                slot.Set(mistyped, wrong);
                yield return ($"a {Describe(wrong)} in {slot.Name}", mistyped);
            }

            foreach (var (value, inside, what) in EdgeValues.Boundaries(slot.Schema).Where(b => !b.Inside))
            {
                var outside = session.Draft(operation);
                slot.Set(outside, value);
                yield return ($"{what} in {slot.Name}", outside);
            }
        }
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => "string",
        System.Text.Json.JsonValueKind.Number => "number",
        _ => "boolean",
    } + " where the schema wants another type";
}
