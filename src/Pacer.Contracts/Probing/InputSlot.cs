using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// A place a probe can put a value: a body field or a path or query parameter, with the schema the
/// value must satisfy. Parameters receive the value as URL text.
/// </summary>
public sealed record InputSlot(string Name, IOpenApiSchema Schema, bool Required, bool IsParameter, Action<RequestDraft, JsonNode?> Set, Action<RequestDraft> Remove)
{
    /// <summary>At most this many slots per operation, so a wide schema does not eat the request budget.</summary>
    public const int MaxPerOperation = 16;

    public static IReadOnlyList<InputSlot> For(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var slots = new List<InputSlot>();
        foreach (var parameter in operation.Parameters.Where(p => p.In is ParameterLocation.Path or ParameterLocation.Query))
        {
            var name = parameter.Name ?? "";
            var schema = parameter.Schema is null ? new OpenApiSchema { Type = JsonSchemaType.String } : BodyField.Effective(parameter.Schema);
            if (parameter.In == ParameterLocation.Path)
            {
                slots.Add(new InputSlot($"path parameter {name}", schema, true, true,
                    (draft, value) => draft.PathValues[name] = RequestGenerator.ParameterText(value),
                    draft => draft.PathValues[name] = ""));
            }
            else
            {
                slots.Add(new InputSlot($"query parameter {name}", schema, parameter.Required, true,
                    (draft, value) => draft.SetQuery(name, RequestGenerator.ParameterText(value)),
                    draft => draft.SetQuery(name, null)));
            }
        }

        if (operation.JsonRequestBody is { } body)
        {
            foreach (var field in BodyField.List(body.Media.Schema))
            {
                slots.Add(new InputSlot($"body field {field.Name}", field.Schema, field.Required, false,
                    (draft, value) => BodyField.Set(draft.Body, field.Path, value),
                    draft => BodyField.Set(draft.Body, field.Path, null, remove: true)));
            }
        }

        return slots.Take(MaxPerOperation).ToList();
    }
}
