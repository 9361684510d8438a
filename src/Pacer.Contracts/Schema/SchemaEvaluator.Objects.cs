using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// Object keywords: required, properties, patternProperties, additionalProperties, property counts,
/// propertyNames, dependentRequired/dependentSchemas, and OpenAPI's readOnly/writeOnly by direction.
/// </summary>
internal sealed partial class SchemaEvaluator
{
    private bool EvaluateObject(JsonObject schema, JsonObject instance, string pointer, List<SchemaViolation>? sink)
    {
        var valid = EvaluateRequired(schema, instance, pointer, sink);
        var properties = schema["properties"] as JsonObject;
        var patterns = schema["patternProperties"] as JsonObject;
        schema.TryGetPropertyValue("additionalProperties", out var additional);
        foreach (var (name, value) in instance)
        {
            var childPointer = JsonPointer.Append(pointer, name);
            var known = false;
            if (properties is not null && properties.TryGetPropertyValue(name, out var propertySchema))
            {
                known = true;
                valid &= EvaluateDirection(propertySchema, value, childPointer, name, sink);
                valid &= Evaluate(propertySchema, value, childPointer, name, sink);
            }

            foreach (var (pattern, patternSchema) in patterns ?? [])
            {
                if (EcmaRegex.IsMatch(pattern, name) == true)
                {
                    known = true;
                    valid &= Evaluate(patternSchema, value, childPointer, name, sink);
                }
            }

            if (!known && additional is not null)
            {
                if (additional is JsonValue flag && flag.GetValueKind() == System.Text.Json.JsonValueKind.False)
                {
                    sink?.Add(new(childPointer, name, "additionalProperties", "no property '" + name + "' (not in the schema)", InstanceText.Describe(value)));
                    valid = false;
                }
                else
                {
                    valid &= Evaluate(additional, value, childPointer, name, sink);
                }
            }
        }

        if (TryGetCount(schema, "minProperties", out var minProperties) && instance.Count < minProperties)
        {
            sink?.Add(new(pointer, null, "minProperties", $"at least {minProperties} properties", Invariant(instance.Count)));
            valid = false;
        }

        if (TryGetCount(schema, "maxProperties", out var maxProperties) && instance.Count > maxProperties)
        {
            sink?.Add(new(pointer, null, "maxProperties", $"at most {maxProperties} properties", Invariant(instance.Count)));
            valid = false;
        }

        if (schema.TryGetPropertyValue("propertyNames", out var names))
        {
            foreach (var (name, _) in instance)
            {
                if (!Evaluate(names, JsonValue.Create(name), JsonPointer.Append(pointer, name), name, null))
                {
                    sink?.Add(new(JsonPointer.Append(pointer, name), name, "propertyNames", "a name valid against propertyNames", "name " + Quote(name)));
                    valid = false;
                }
            }
        }

        return valid & EvaluateDependencies(schema, instance, pointer, sink);
    }

    private bool EvaluateRequired(JsonObject schema, JsonObject instance, string pointer, List<SchemaViolation>? sink)
    {
        if (schema["required"] is not JsonArray required)
        {
            return true;
        }

        var valid = true;
        var properties = schema["properties"] as JsonObject;
        foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
        {
            if (instance.ContainsKey(name) || ExcusedByDirection(properties?[name]))
            {
                continue;
            }

            sink?.Add(new(pointer, name, "required", $"property '{name}'", "no such property"));
            valid = false;
        }

        return valid;
    }

    private bool EvaluateDependencies(JsonObject schema, JsonObject instance, string pointer, List<SchemaViolation>? sink)
    {
        var valid = true;
        foreach (var (trigger, needed) in schema["dependentRequired"] as JsonObject ?? [])
        {
            if (!instance.ContainsKey(trigger) || needed is not JsonArray list)
            {
                continue;
            }

            foreach (var name in list.Select(n => n?.GetValue<string>()).OfType<string>().Where(n => !instance.ContainsKey(n)))
            {
                sink?.Add(new(pointer, name, "dependentRequired", $"property '{name}' (because '{trigger}' is present)", "no such property"));
                valid = false;
            }
        }

        foreach (var (trigger, dependent) in schema["dependentSchemas"] as JsonObject ?? [])
        {
            if (instance.ContainsKey(trigger))
            {
                valid &= Evaluate(dependent, instance, pointer, null, sink);
            }
        }

        return valid;
    }

    /// <summary>A readOnly property must not be sent; a writeOnly one must not come back.</summary>
    private bool EvaluateDirection(JsonNode? propertySchema, JsonNode? value, string pointer, string name, List<SchemaViolation>? sink)
    {
        var forbidden = direction switch
        {
            SchemaDirection.Request when HasFlag(propertySchema, "readOnly") => "readOnly",
            SchemaDirection.Response when HasFlag(propertySchema, "writeOnly") => "writeOnly",
            _ => null,
        };
        if (forbidden is null)
        {
            return true;
        }

        var where = direction == SchemaDirection.Request ? "request" : "response";
        sink?.Add(new(pointer, name, forbidden, $"no {forbidden} property '{name}' in a {where}", InstanceText.Describe(value)));
        return false;
    }

    /// <summary>OpenAPI: a required readOnly property is not required in a request, nor a writeOnly one in a response.</summary>
    private bool ExcusedByDirection(JsonNode? propertySchema) => direction switch
    {
        SchemaDirection.Request => HasFlag(propertySchema, "readOnly"),
        SchemaDirection.Response => HasFlag(propertySchema, "writeOnly"),
        _ => false,
    };

    /// <summary>Whether a schema carries a flag itself or through its <c>$ref</c> or <c>allOf</c> (a few levels; cycles stop).</summary>
    private bool HasFlag(JsonNode? schema, string flag, int depth = 0)
    {
        if (schema is not JsonObject obj || depth > 8)
        {
            return false;
        }

        if (IsTrue(obj, flag))
        {
            return true;
        }

        if (TryGetString(obj, "$ref", out var reference) && HasFlag(resources.Resolve(obj, reference), flag, depth + 1))
        {
            return true;
        }

        return obj["allOf"] is JsonArray all && all.Any(member => HasFlag(member, flag, depth + 1));
    }
}
