using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// A field of a JSON request body, found by walking its schema: its path (property names and array
/// indexes), its schema and whether its object requires it. Objects are walked two levels deep, arrays
/// through their first item, so nested fields get probed too without the list growing without bound.
/// </summary>
public sealed record BodyField(IReadOnlyList<object> Path, IOpenApiSchema Schema, bool Required)
{
    /// <summary>Whether null is allowed: a <c>"null"</c> type, or a null branch of oneOf/anyOf (which <see cref="Schema"/> drops).</summary>
    public bool Nullable { get; init; }

    /// <summary>True when the schema, or one branch of its oneOf/anyOf, admits null.</summary>
    public static bool AllowsNull(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return SchemaTypes.AllowsNull(schema) || (schema.OneOf ?? schema.AnyOf)?.Any(s => SchemaTypes.AllowsNull(s) || s.Type == JsonSchemaType.Null) == true;
    }

    private const int MaxDepth = 3;

    public string Name => string.Concat(Path.Select((p, i) => p is int index ? $"[{index}]" : (i == 0 ? $"{p}" : $".{p}")));

    public static IReadOnlyList<BodyField> List(IOpenApiSchema? schema)
    {
        var fields = new List<BodyField>();
        if (schema is not null)
        {
            Walk(Effective(schema), [], fields, 0);
        }

        return fields;
    }

    /// <summary>The schema a value is checked against: the non-null branch of a nullable oneOf/anyOf, allOf merged.</summary>
    public static IOpenApiSchema Effective(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var alternatives = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf;
        if (alternatives is { Count: > 0 } && schema.Properties is not { Count: > 0 })
        {
            return Effective(alternatives.FirstOrDefault(s => SchemaTypes.Primary(s) != JsonSchemaType.Null) ?? alternatives[0]);
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            var merged = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new HashSet<string>() };
            foreach (var part in allOf.Append(schema).Select(s => s == schema ? s : Effective(s)))
            {
                foreach (var (name, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    merged.Properties[name] = property;
                }

                merged.Required.UnionWith(part.Required ?? new HashSet<string>());
                merged.AdditionalPropertiesAllowed &= part.AdditionalPropertiesAllowed;
            }

            return merged;
        }

        return schema;
    }

    /// <summary>Sets (or, with <paramref name="remove"/>, deletes) the value at a path; false when the path is not in the body.</summary>
    public static bool Set(JsonNode? root, IReadOnlyList<object> path, JsonNode? value, bool remove = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            current = path[i] switch
            {
                string name when current is JsonObject obj => obj[name],
                int index when current is JsonArray array && index < array.Count => array[index],
                _ => null,
            };
        }

        switch (path[^1])
        {
            case string name when current is JsonObject obj:
                if (remove)
                {
                    return obj.Remove(name);
                }

                obj[name] = value;
                return true;
            case int index when current is JsonArray array && index < array.Count:
                array[index] = value;
                return true;
            default:
                return false;
        }
    }

    private static void Walk(IOpenApiSchema schema, List<object> prefix, List<BodyField> fields, int depth)
    {
        if (depth >= MaxDepth || schema.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        var required = schema.Required ?? new HashSet<string>();
        foreach (var (name, raw) in properties)
        {
            if (raw.ReadOnly)
            {
                continue;
            }

            var property = Effective(raw);
            var path = new List<object>(prefix) { name };
            fields.Add(new BodyField(path, property, required.Contains(name)) { Nullable = AllowsNull(raw) });
            if (SchemaTypes.Primary(property) == JsonSchemaType.Object)
            {
                Walk(property, path, fields, depth + 1);
            }
            else if (SchemaTypes.Primary(property) == JsonSchemaType.Array && property.Items is { } items)
            {
                Walk(Effective(items), [.. path, 0], fields, depth + 1);
            }
        }
    }
}
