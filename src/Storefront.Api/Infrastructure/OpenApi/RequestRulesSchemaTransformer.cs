using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Writes the rules <see cref="RequestRules"/> enforces into the request schemas, from the same attributes:
/// a property is required exactly when it carries [Required] (and is then not nullable: null is refused), lengths,
/// patterns, ranges, allowed and denied values. Every string without a pattern of its own gets one that excludes
/// NUL, because NUL is refused everywhere.
/// </summary>
public sealed class RequestRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    public const string NoNulPattern = "^[^\\u0000]*$";
    public const string NotBlankNoNulPattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && RequestRules.IsRequestType(type)
            && schema.Properties is { } properties)
        {
            schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            schema.Required.Clear();
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.AttributeProvider is not PropertyInfo clr || !properties.TryGetValue(property.Name, out var target))
                {
                    continue;
                }

                var required = clr.GetCustomAttribute<RequiredAttribute>() is not null;
                if (required)
                {
                    schema.Required.Add(property.Name);
                }

                if (target is OpenApiSchema propertySchema)
                {
                    Apply(propertySchema, clr, required);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The same rules for a query or header parameter (see <see cref="ParameterRulesTransformer"/>).</summary>
    public static void Apply(OpenApiSchema schema, ICustomAttributeProvider member, bool required)
    {
        if (required && schema.Type is { } present)
        {
            schema.Type = present & ~JsonSchemaType.Null;
        }

        if (required && schema.OneOf is { Count: > 1 } choices)
        {
            // A nested object is written as oneOf [null, $ref]; a required one cannot be null.
            foreach (var nothing in choices.OfType<OpenApiSchema>().Where(c => c.Type == JsonSchemaType.Null).ToList())
            {
                choices.Remove(nothing);
            }
        }

        foreach (var rule in member.GetCustomAttributes(inherit: true))
        {
            switch (rule)
            {
                case StringLengthAttribute length:
                    schema.MaxLength = length.MaximumLength;
                    schema.MinLength = length.MinimumLength > 0 ? length.MinimumLength : schema.MinLength;
                    break;
                case LengthAttribute length when IsArray(schema):
                    schema.MinItems = length.MinimumLength;
                    schema.MaxItems = length.MaximumLength;
                    break;
                case LengthAttribute length:
                    schema.MinLength = length.MinimumLength;
                    schema.MaxLength = length.MaximumLength;
                    break;
                case RegularExpressionAttribute pattern:
                    schema.Pattern = pattern.Pattern;
                    break;
                case RangeAttribute range:
                    var minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                    var maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
                    if (range.MinimumIsExclusive)
                    {
                        schema.ExclusiveMinimum = minimum;
                        schema.Minimum = null;
                    }
                    else
                    {
                        schema.Minimum = minimum;
                    }

                    if (range.MaximumIsExclusive)
                    {
                        schema.ExclusiveMaximum = maximum;
                        schema.Maximum = null;
                    }
                    else
                    {
                        schema.Maximum = maximum;
                    }

                    break;
                case AllowedValuesAttribute allowed:
                    // null is listed only where the schema's type admits it (a nullable body property, not a query string).
                    var admitsNull = schema.Type is { } types && types.HasFlag(JsonSchemaType.Null);
                    schema.Enum = allowed.Values.Where(v => v is not null || admitsNull)
                        .Select(v => v is null ? null : JsonValue.Create(v.ToString()) as JsonNode).ToList()!;
                    break;
                case DeniedValuesAttribute denied:
                    schema.Not = new OpenApiSchema { Enum = denied.Values.Select(v => JsonValue.Create(Convert.ToDecimal(v, CultureInfo.InvariantCulture)) as JsonNode).ToList()! };
                    break;
                case MultipleOfAttribute step:
                    schema.MultipleOf = step.Factor;
                    break;
            }
        }

        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.String) && schema.Format is null or "" && schema.Enum is not { Count: > 0 })
        {
            // A required string is refused when blank ([Required] does not allow empty or whitespace-only strings).
            schema.Pattern ??= required ? NotBlankNoNulPattern : NoNulPattern;
            schema.MinLength = required ? Math.Max(1, schema.MinLength ?? 0) : schema.MinLength is 0 ? null : schema.MinLength;
        }
    }

    private static bool IsArray(OpenApiSchema schema) => schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array);
}
