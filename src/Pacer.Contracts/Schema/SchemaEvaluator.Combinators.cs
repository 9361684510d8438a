using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// allOf, anyOf, oneOf, not, if/then/else and OpenAPI's discriminator. A failed anyOf or oneOf is one
/// violation that quotes the closest branch's first problem, rather than every problem of every branch.
/// </summary>
internal sealed partial class SchemaEvaluator
{
    private bool EvaluateCombinators(JsonObject schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var valid = true;
        if (schema["allOf"] is JsonArray all)
        {
            foreach (var member in all)
            {
                valid &= Evaluate(member, instance, pointer, property, sink);
            }
        }

        if (schema["discriminator"] is JsonObject discriminator && instance is JsonObject target
            && (schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            return valid & EvaluateDiscriminator(schema, discriminator, choices, target, pointer, property, sink);
        }

        if (schema["anyOf"] is JsonArray any)
        {
            var results = Branches(any, instance, pointer, property);
            if (!results.Any(r => r.Count == 0))
            {
                sink?.Add(new(pointer, property, "anyOf", $"a match for at least one of {any.Count} schemas", Closest(instance, pointer, results)));
                valid = false;
            }
        }

        if (schema["oneOf"] is JsonArray one)
        {
            var results = Branches(one, instance, pointer, property);
            var matched = results.Select((r, i) => (r, i)).Where(x => x.r.Count == 0).Select(x => x.i).ToList();
            if (matched.Count != 1)
            {
                var got = matched.Count == 0 ? Closest(instance, pointer, results) : $"{InstanceText.Describe(instance)} matching schemas {string.Join(" and ", matched)}";
                sink?.Add(new(pointer, property, "oneOf", $"a match for exactly one of {one.Count} schemas", got));
                valid = false;
            }
        }

        if (schema.TryGetPropertyValue("not", out var not) && Evaluate(not, instance, pointer, property, null))
        {
            sink?.Add(new(pointer, property, "not", "no match for the schema in 'not'", InstanceText.Describe(instance) + " that matches it"));
            valid = false;
        }

        return valid;
    }

    private bool EvaluateConditional(JsonObject schema, JsonNode? instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (!schema.TryGetPropertyValue("if", out var condition))
        {
            return true;
        }

        var branch = Evaluate(condition, instance, pointer, property, null) ? "then" : "else";
        return !schema.TryGetPropertyValue(branch, out var consequence) || Evaluate(consequence, instance, pointer, property, sink);
    }

    /// <summary>
    /// OpenAPI's discriminator picks the one branch the instance claims to be (by <c>mapping</c>, or by the
    /// name of a component schema), so the violations are that branch's, not a vague "matched none".
    /// </summary>
    private bool EvaluateDiscriminator(
        JsonObject schema, JsonObject discriminator, JsonArray choices, JsonObject instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (!TryGetString(discriminator, "propertyName", out var propertyName))
        {
            return true;
        }

        if (!instance.TryGetPropertyValue(propertyName, out var tag) || tag is not JsonValue tagValue || !tagValue.TryGetValue<string>(out var name))
        {
            sink?.Add(new(pointer, propertyName, "discriminator", $"property '{propertyName}' naming the schema", tag is null ? "no such property" : InstanceText.Describe(tag)));
            return false;
        }

        var mapping = discriminator["mapping"] as JsonObject;
        var reference = mapping is not null && TryGetString(mapping, name, out var mapped) ? mapped : "#/components/schemas/" + name;
        var chosen = resources.Resolve(schema, reference);
        var known = chosen is not null && choices.Any(choice => choice is JsonObject c && TryGetString(c, "$ref", out var r) && ReferenceEquals(resources.Resolve(c, r), chosen));
        if (!known && mapping?.ContainsKey(name) != true)
        {
            var names = mapping?.Select(m => m.Key) ?? choices.OfType<JsonObject>().Select(c => TryGetString(c, "$ref", out var r) ? r[(r.LastIndexOf('/') + 1)..] : "?");
            sink?.Add(new(JsonPointer.Append(pointer, propertyName), propertyName, "discriminator", "one of " + string.Join(", ", names.Select(n => $"'{n}'")), InstanceText.Describe(tag)));
            return false;
        }

        return Evaluate(chosen, instance, pointer, property, sink);
    }

    private List<List<SchemaViolation>> Branches(JsonArray branches, JsonNode? instance, string pointer, string? property) =>
        branches.Select(branch =>
        {
            var found = new List<SchemaViolation>();
            Evaluate(branch, instance, pointer, property, found);
            return found;
        }).ToList();

    /// <summary>The branch that failed least, where a branch of the wrong type altogether counts as furthest away.</summary>
    private static string Closest(JsonNode? instance, string pointer, List<List<SchemaViolation>> results)
    {
        var closest = results.Where(r => r.Count > 0)
            .OrderBy(r => r.Any(v => v.Keyword == "type" && v.InstancePointer == pointer) ? 1 : 0)
            .ThenBy(r => r.Count)
            .FirstOrDefault();
        return closest is null ? InstanceText.Describe(instance) : $"{InstanceText.Describe(instance)} matching none (closest: {closest[0]})";
    }
}
