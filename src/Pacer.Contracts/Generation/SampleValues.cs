using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// A valid-looking value for a schema: its example, else its default, const or first enum value,
/// else one built from its type (format-aware strings, numbers inside their bounds, objects with
/// their writable properties). Recursive <c>$ref</c>s stop at the second visit, so cycles end.
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 6;

    public static JsonNode? For(IOpenApiSchema? schema, string? name = null) => Build(schema, name, [], 0);

    /// <summary>The string for a format (or a property name that says what it holds), padded or cut to the length limits.</summary>
    public static string StringFor(IOpenApiSchema schema, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = schema.Format?.ToLowerInvariant() switch
        {
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "date-time" => "2026-01-15T10:30:00Z",
            "date" => "2026-01-15",
            "time" => "10:30:00",
            "email" or "idn-email" => "user@example.com",
            "uri" or "url" or "iri" => "https://example.com/",
            "hostname" => "example.com",
            "ipv4" => "192.0.2.10",
            "ipv6" => "2001:db8::10",
            "byte" => "cGFjZXI=",
            "password" => "Sample-pass-1",
            _ => ByName(name),
        };
        var min = schema.MinLength ?? 0;
        if (text.Length < min)
        {
            text = text + new string('x', min - text.Length);
        }

        if (schema.MaxLength is { } max && text.Length > max)
        {
            text = text[..max];
        }

        return text;
    }

    /// <summary>A number inside the schema's bounds: 1 when allowed, else the nearest bound, on its multipleOf.</summary>
    public static decimal NumberFor(IOpenApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var min = SchemaTypes.Minimum(schema);
        var max = SchemaTypes.Maximum(schema);
        var value = 1m;
        if (min is { } low && value < low)
        {
            value = low;
        }

        if (max is { } high && value > high)
        {
            value = high;
        }

        if (SchemaTypes.IsInteger(schema))
        {
            value = min is { } floor && Math.Ceiling(value) >= floor ? Math.Ceiling(value) : Math.Floor(value);
        }

        if (decimal.TryParse(schema.MultipleOf?.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var step) && step > 0 && value % step != 0)
        {
            value = Math.Ceiling(value / step) * step;
        }

        return value;
    }

    private static JsonNode? Build(IOpenApiSchema? schema, string? name, HashSet<string> refs, int depth)
    {
        if (schema is null)
        {
            return JsonValue.Create("sample");
        }

        if (Declared(schema) is { } declared)
        {
            return declared;
        }

        var referenceId = (schema as OpenApiSchemaReference)?.Reference.Id;
        if (referenceId is not null && !refs.Add(referenceId))
        {
            return null;
        }

        try
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            if (schema.AllOf is { Count: > 0 } allOf)
            {
                return Merge(allOf.Select(s => Build(s, name, refs, depth + 1)), schema, refs, depth);
            }

            var alternative = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf;
            if (alternative is { Count: > 0 })
            {
                return Build(alternative.FirstOrDefault(s => SchemaTypes.Primary(s) != JsonSchemaType.Null) ?? alternative[0], name, refs, depth + 1);
            }

            return SchemaTypes.Primary(schema) switch
            {
                JsonSchemaType.Object => ObjectFor(schema, refs, depth),
                JsonSchemaType.Array => ArrayFor(schema, name, refs, depth),
                JsonSchemaType.String => JsonValue.Create(StringFor(schema, name)),
                JsonSchemaType.Integer => JsonValue.Create((long)NumberFor(schema)),
                JsonSchemaType.Number => JsonValue.Create(NumberFor(schema)),
                JsonSchemaType.Boolean => JsonValue.Create(true),
                JsonSchemaType.Null => null,
                _ => JsonValue.Create("sample"),
            };
        }
        finally
        {
            if (referenceId is not null)
            {
                refs.Remove(referenceId);
            }
        }
    }

    /// <summary>What the document itself offers: example, examples, default, const, first enum value.</summary>
    private static JsonNode? Declared(IOpenApiSchema schema)
    {
        // 3.0 documents carry `example`; the reader still fills the obsolete property for them.
#pragma warning disable CS0618
        if (schema.Example is { } example)
#pragma warning restore CS0618
        {
            return example.DeepClone();
        }

        if (schema.Examples is { Count: > 0 } examples && examples[0] is { } first)
        {
            return first.DeepClone();
        }

        if (schema.Default is { } fallback)
        {
            return fallback.DeepClone();
        }

        if (schema.Const is { } constant)
        {
            return JsonValue.Create(constant);
        }

        return schema.Enum?.FirstOrDefault(e => e is not null)?.DeepClone();
    }

    private static JsonObject ObjectFor(IOpenApiSchema schema, HashSet<string> refs, int depth)
    {
        var result = new JsonObject();
        var required = schema.Required ?? new HashSet<string>();
        foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (propertySchema.ReadOnly && !required.Contains(property))
            {
                continue;
            }

            var value = Build(propertySchema, property, refs, depth + 1);
            if (value is null && !required.Contains(property))
            {
                continue;
            }

            result[property] = value;
        }

        return result;
    }

    private static JsonArray ArrayFor(IOpenApiSchema schema, string? name, HashSet<string> refs, int depth)
    {
        var result = new JsonArray();
        var count = Math.Max(1, schema.MinItems ?? 1);
        if (schema.MaxItems is { } max)
        {
            count = Math.Min(count, max);
        }

        for (var i = 0; i < count; i++)
        {
            var item = Build(schema.Items, name, refs, depth + 1);
            if (item is null)
            {
                break;
            }

            result.Add(item);
        }

        return result;
    }

    private static JsonNode? Merge(IEnumerable<JsonNode?> parts, IOpenApiSchema schema, HashSet<string> refs, int depth)
    {
        JsonObject? merged = null;
        JsonNode? last = null;
        foreach (var part in parts)
        {
            if (part is JsonObject obj)
            {
                merged ??= [];
                foreach (var (key, value) in obj)
                {
                    merged[key] = value?.DeepClone();
                }
            }
            else if (part is not null)
            {
                last = part;
            }
        }

        if (merged is not null && schema.Properties is { Count: > 0 } && ObjectFor(schema, refs, depth) is { } own)
        {
            foreach (var (key, value) in own)
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged ?? last;
    }

    /// <summary>
    /// A string a property's name asks for: an address for <c>email</c>, a URL for <c>…url</c>, and the values validators
    /// commonly insist on — two-letter country and three-letter currency codes, a postal code, a phone number, a card
    /// number that passes the Luhn check and its code — else <c>sample-NAME</c>.
    /// </summary>
    private static string ByName(string? name)
    {
        var lower = name?.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (lower.Contains("email", StringComparison.Ordinal))
        {
            return "user@example.com";
        }

        if (lower.EndsWith("url", StringComparison.Ordinal) || lower.EndsWith("uri", StringComparison.Ordinal))
        {
            return "https://example.com/";
        }

        return lower switch
        {
            "country" or "countrycode" => "US",
            "currency" or "currencycode" => "USD",
            "postalcode" or "zip" or "zipcode" or "postcode" => "10001",
            "phone" or "phonenumber" or "mobile" => "+15555550100",
            "cardnumber" or "pan" => "4242424242424242",
            "cvc" or "cvv" or "cvv2" or "securitycode" => "123",
            "language" or "lang" or "locale" => "en",
            _ => string.IsNullOrEmpty(name) ? "sample" : "sample-" + name,
        };
    }
}
