using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// Evaluates one instance against one schema of a document, keyword by keyword (draft 2020-12 with
/// OpenAPI 3.0's <c>nullable</c>, boolean exclusive bounds, <c>discriminator</c> and readOnly/writeOnly).
/// Every method returns whether the instance is valid and, when a sink is given, adds what is wrong;
/// combinators try their branches with no sink and report one summary instead.
/// The keywords live in the partial files beside this one, one group per file.
/// </summary>
internal sealed partial class SchemaEvaluator(SchemaResources resources, SchemaDirection direction)
{
    // (schema, instance pointer) pairs being evaluated through $ref right now: meeting one again means a
    // reference cycle that consumes no instance, which adds nothing and must not loop.
    private readonly HashSet<(JsonNode Schema, string Pointer)> activeReferences = [];

    public bool Evaluate(JsonNode? schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (schema is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (boolean.GetValueKind() == JsonValueKind.True)
            {
                return true;
            }

            sink?.Add(new(pointer, property, "false", "nothing (the schema is false)", InstanceText.Describe(instance)));
            return false;
        }

        if (schema is not JsonObject obj)
        {
            return true;
        }

        var valid = EvaluateReference(obj, instance, pointer, property, sink);
        valid &= EvaluateType(obj, instance, pointer, property, sink);
        valid &= EvaluateEnumAndConst(obj, instance, pointer, property, sink);
        valid &= EvaluateCombinators(obj, instance, pointer, property, sink);
        valid &= EvaluateConditional(obj, instance, pointer, property, sink);
        switch (instance)
        {
            case JsonObject members:
                valid &= EvaluateObject(obj, members, pointer, sink);
                break;
            case JsonArray items:
                valid &= EvaluateArray(obj, items, pointer, property, sink);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                valid &= EvaluateNumber(obj, value, pointer, property, sink);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                valid &= EvaluateString(obj, value.GetValue<string>(), pointer, property, sink);
                break;
        }

        return valid;
    }

    private bool EvaluateReference(JsonObject schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (!TryGetString(schema, "$ref", out var reference))
        {
            return true;
        }

        var target = resources.Resolve(schema, reference);
        if (target is null)
        {
            sink?.Add(new(pointer, property, "$ref", $"a schema at {reference}", "a reference that resolves to nothing"));
            return false;
        }

        if (!activeReferences.Add((target, pointer)))
        {
            return true;
        }

        try
        {
            return Evaluate(target, instance, pointer, property, sink);
        }
        finally
        {
            activeReferences.Remove((target, pointer));
        }
    }

    private static bool EvaluateType(JsonObject schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (!schema.TryGetPropertyValue("type", out var type) || type is null)
        {
            return true;
        }

        var allowed = type is JsonArray list ? list.Select(t => t?.GetValue<string>() ?? "").ToList() : [type.GetValue<string>()];
        var kind = InstanceText.KindOf(instance);
        var matches = allowed.Contains(kind)
            || (kind == "integer" && allowed.Contains("number"))
            || (kind == "null" && IsNullable(schema));
        if (matches)
        {
            return true;
        }

        if (IsNullable(schema))
        {
            allowed.Add("null");
        }

        sink?.Add(new(pointer, property, "type", string.Join(" or ", allowed), InstanceText.Describe(instance)));
        return false;
    }

    private static bool EvaluateEnumAndConst(JsonObject schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var valid = true;
        if (schema.TryGetPropertyValue("enum", out var values) && values is JsonArray options
            && !options.Any(option => JsonEquality.AreEqual(option, instance))
            && !(JsonEquality.IsNull(instance) && IsNullable(schema)))
        {
            sink?.Add(new(pointer, property, "enum", "one of " + InstanceText.Literal(options), InstanceText.Describe(instance)));
            valid = false;
        }

        if (schema.TryGetPropertyValue("const", out var constant) && !JsonEquality.AreEqual(constant, instance))
        {
            sink?.Add(new(pointer, property, "const", InstanceText.Literal(constant), InstanceText.Describe(instance)));
            valid = false;
        }

        return valid;
    }

    /// <summary>OpenAPI 3.0's <c>nullable: true</c>: null is allowed whatever <c>type</c> and <c>enum</c> say.</summary>
    private static bool IsNullable(JsonObject schema) =>
        schema.TryGetPropertyValue("nullable", out var nullable) && nullable is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static bool TryGetString(JsonObject schema, string keyword, out string text)
    {
        text = "";
        return schema.TryGetPropertyValue(keyword, out var node) && node is JsonValue value && value.TryGetValue(out text!);
    }

    private static bool TryGetNumber(JsonObject schema, string keyword, out JsonValue number)
    {
        number = null!;
        if (schema.TryGetPropertyValue(keyword, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            number = value;
            return true;
        }

        return false;
    }

    /// <summary>A non-negative integer keyword (<c>minLength</c>, <c>maxItems</c>…); <c>2.0</c> counts as 2.</summary>
    private static bool TryGetCount(JsonObject schema, string keyword, out long count)
    {
        count = 0;
        if (!TryGetNumber(schema, keyword, out var number) || !JsonNumber.TryDecimal(number, out var value) || decimal.Truncate(value) != value)
        {
            return false;
        }

        count = (long)value;
        return true;
    }

    private static bool IsTrue(JsonObject schema, string keyword) =>
        schema.TryGetPropertyValue(keyword, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
