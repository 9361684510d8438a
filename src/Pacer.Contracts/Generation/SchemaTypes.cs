using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>Reads what a schema is, across 3.0 (<c>type</c> + <c>nullable</c>) and 3.1 (type arrays), and its numeric bounds.</summary>
public static class SchemaTypes
{
    /// <summary>
    /// The one concrete type a value for this schema should have (null only when that is all it allows).
    /// Numbers win over strings: ASP.NET documents an <c>int</c> as <c>["integer", "string"]</c> with a digits pattern.
    /// </summary>
    public static JsonSchemaType? Primary(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var type = schema.Type;
        if (type is null)
        {
            if (schema.Properties is { Count: > 0 })
            {
                return JsonSchemaType.Object;
            }

            if (schema.Items is not null)
            {
                return JsonSchemaType.Array;
            }

            return null;
        }

        foreach (var candidate in new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean, JsonSchemaType.String })
        {
            if (type.Value.HasFlag(candidate))
            {
                return candidate;
            }
        }

        return type.Value.HasFlag(JsonSchemaType.Null) ? JsonSchemaType.Null : null;
    }

    public static bool AllowsNull(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null);

    public static bool IsString(IOpenApiSchema schema) => Primary(schema) == JsonSchemaType.String;

    public static bool IsNumeric(IOpenApiSchema schema) => Primary(schema) is JsonSchemaType.Integer or JsonSchemaType.Number;

    /// <summary>The inclusive lower bound, taking exclusiveMinimum (3.1 number or 3.0 flag) into account.</summary>
    public static decimal? Minimum(IOpenApiSchema schema) => Bound(schema.Minimum, schema.ExclusiveMinimum, +1, IsInteger(schema));

    /// <summary>The inclusive upper bound, taking exclusiveMaximum into account.</summary>
    public static decimal? Maximum(IOpenApiSchema schema) => Bound(schema.Maximum, schema.ExclusiveMaximum, -1, IsInteger(schema));

    public static bool IsInteger(IOpenApiSchema schema) => Primary(schema) == JsonSchemaType.Integer;

    public static bool Allows(IOpenApiSchema schema, JsonSchemaType type) =>
        schema.Type is null || schema.Type.Value.HasFlag(type);

    private static decimal? Bound(string? inclusive, string? exclusive, int direction, bool integer)
    {
        var step = integer ? 1m : 0.01m;
        if (Parse(exclusive) is { } open)
        {
            return open + (direction * step);
        }

        return Parse(inclusive);
    }

    private static decimal? Parse(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
