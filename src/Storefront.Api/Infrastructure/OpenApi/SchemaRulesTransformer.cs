using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Writes the rules <see cref="RequestRules"/> enforces into the request schemas, from the same attributes:
/// a property is required exactly when it carries [Required] (and is then not nullable: null is refused), lengths,
/// patterns, ranges, allowed and denied values. Every string without a pattern of its own gets one that excludes
/// NUL, because NUL is refused everywhere. Request schemas are those of the bodies endpoints bind and of the records
/// nested in them (a shipping address, a card, an order line). Every other record of Storefront is a response, and
/// a response always carries every property (null where its type allows), so all of them are listed as required.
/// Runs over the finished components, so a nested record gets its rules wherever it first appeared.
/// </summary>
public sealed class SchemaRulesTransformer : IOpenApiDocumentTransformer
{
    public const string NoNulPattern = "^[^\\u0000]*$";
    public const string NotBlankNoNulPattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var serializer = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bodies = RequestBodyTypes(context.DescriptionGroups.SelectMany(g => g.Items));
        var records = typeof(RequestRules).Assembly.GetTypes().Where(IsRecord).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (name, component) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (component is not OpenApiSchema { Properties: { } properties } schema || !records.TryGetValue(name, out var type))
            {
                continue;
            }

            var info = serializer.GetTypeInfo(type);
            schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
            schema.Required.Clear();
            foreach (var property in info.Properties.Where(p => properties.ContainsKey(p.Name)))
            {
                if (!bodies.Contains(type))
                {
                    schema.Required.Add(property.Name);
                    continue;
                }

                if (property.AttributeProvider is not PropertyInfo clr)
                {
                    continue;
                }

                var required = clr.GetCustomAttribute<RequiredAttribute>() is not null;
                if (required)
                {
                    schema.Required.Add(property.Name);
                }

                if (properties[property.Name] is OpenApiSchema propertySchema)
                {
                    Apply(propertySchema, clr, required);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The types endpoints bind from the body, and the records nested in them (in lists too).</summary>
    private static HashSet<Type> RequestBodyTypes(IEnumerable<ApiDescription> descriptions)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(descriptions.SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body && p.Type is not null).Select(p => p.Type));
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsGenericType && type.GetGenericArguments() is [var element])
            {
                type = element;
            }

            if (IsRecord(type) && found.Add(type))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return found;
    }

    private static bool IsRecord(Type type) =>
        type.Assembly == typeof(RequestRules).Assembly && type.IsClass && type.GetMethod("<Clone>$") is not null;

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
                case ExampleAttribute example:
                    schema.Examples = [JsonSerializer.SerializeToNode(example.Value)!];
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
