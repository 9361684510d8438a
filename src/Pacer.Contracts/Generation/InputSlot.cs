using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// A place a probe can put a value — a path, query or header parameter or a body field — with the schema the value
/// must satisfy. Parameters receive the value as text.
/// </summary>
public sealed record InputSlot(string Name, SlotLocation Location, IOpenApiSchema Schema, bool Required, Action<RequestDraft, JsonNode?> Set, Action<RequestDraft> Remove)
{
    /// <summary>Whether the schema admits null (body fields only: parameters are text).</summary>
    public bool Nullable { get; init; }

    /// <summary>At most this many slots per operation, so a wide schema does not eat the request budget.</summary>
    public const int MaxPerOperation = 16;

    public bool IsParameter => Location != SlotLocation.Body;

    /// <summary>The field or parameter name alone (<c>title</c>, <c>q</c>).</summary>
    public string Key => Name[(Name.LastIndexOf(' ') + 1)..].Split('.', '[')[^1];

    public bool IsString => SchemaTypes.Primary(Schema) == JsonSchemaType.String || (IsParameter && SchemaTypes.Primary(Schema) is null);

    public static IReadOnlyList<InputSlot> For(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var slots = new List<InputSlot>();
        foreach (var parameter in operation.Parameters.Where(p => p.In is ParameterLocation.Path or ParameterLocation.Query or ParameterLocation.Header))
        {
            var name = parameter.Name ?? "";
            var schema = parameter.Schema is null ? new OpenApiSchema { Type = JsonSchemaType.String } : BodyField.Effective(parameter.Schema);
            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    slots.Add(new InputSlot($"path parameter {name}", SlotLocation.Path, schema, true,
                        (draft, value) => draft.PathValues[name] = RequestGenerator.ParameterText(value),
                        draft => draft.PathValues[name] = ""));
                    break;
                case ParameterLocation.Query:
                    slots.Add(new InputSlot($"query parameter {name}", SlotLocation.Query, schema, parameter.Required,
                        (draft, value) => draft.SetQuery(name, RequestGenerator.ParameterText(value)),
                        draft => draft.SetQuery(name, null)));
                    break;
                default:
                    slots.Add(new InputSlot($"header {name}", SlotLocation.Header, schema, parameter.Required,
                        (draft, value) => draft.SetHeader(name, RequestGenerator.ParameterText(value)),
                        draft => draft.SetHeader(name, null)));
                    break;
            }
        }

        if (operation.JsonRequestBody is { } body)
        {
            foreach (var field in BodyField.List(body.Media.Schema))
            {
                slots.Add(new InputSlot($"body field {field.Name}", SlotLocation.Body, field.Schema, field.Required,
                    (draft, value) => BodyField.Set(draft.Body, field.Path, value),
                    draft => BodyField.Set(draft.Body, field.Path, null, remove: true))
                { Nullable = field.Nullable });
            }
        }

        return slots.Take(MaxPerOperation).ToList();
    }
}

public enum SlotLocation
{
    Path,
    Query,
    Header,
    Body,
}
