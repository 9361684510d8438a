using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>Array keywords: prefixItems, items, item counts, uniqueItems, contains with min/maxContains.</summary>
internal sealed partial class SchemaEvaluator
{
    private bool EvaluateArray(JsonObject schema, JsonArray instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var valid = true;
        var prefixCount = 0;
        if (schema["prefixItems"] is JsonArray prefix)
        {
            prefixCount = prefix.Count;
            for (var i = 0; i < Math.Min(prefix.Count, instance.Count); i++)
            {
                valid &= Evaluate(prefix[i], instance[i], JsonPointer.Append(pointer, i), property, sink);
            }
        }

        if (schema.TryGetPropertyValue("items", out var items) && items is not JsonArray)
        {
            for (var i = prefixCount; i < instance.Count; i++)
            {
                valid &= Evaluate(items, instance[i], JsonPointer.Append(pointer, i), property, sink);
            }
        }

        if (TryGetCount(schema, "minItems", out var minItems) && instance.Count < minItems)
        {
            sink?.Add(new(pointer, property, "minItems", $"at least {minItems} items", Invariant(instance.Count)));
            valid = false;
        }

        if (TryGetCount(schema, "maxItems", out var maxItems) && instance.Count > maxItems)
        {
            sink?.Add(new(pointer, property, "maxItems", $"at most {maxItems} items", Invariant(instance.Count)));
            valid = false;
        }

        if (IsTrue(schema, "uniqueItems") && FirstDuplicate(instance) is var (first, second))
        {
            sink?.Add(new(pointer, property, "uniqueItems", "unique items", $"items {first} and {second} equal ({InstanceText.Literal(instance[first])})"));
            valid = false;
        }

        return valid & EvaluateContains(schema, instance, pointer, property, sink);
    }

    private bool EvaluateContains(JsonObject schema, JsonArray instance, string pointer, string? property, List<SchemaViolation>? sink)
    {
        if (!schema.TryGetPropertyValue("contains", out var contains))
        {
            return true;
        }

        var matches = instance.Select((item, i) => Evaluate(contains, item, JsonPointer.Append(pointer, i), property, null)).Count(ok => ok);
        var minimum = TryGetCount(schema, "minContains", out var minContains) ? minContains : 1;
        if (matches < minimum)
        {
            sink?.Add(new(pointer, property, minimum == 1 ? "contains" : "minContains", $"at least {minimum} items matching 'contains'", Invariant(matches)));
            return false;
        }

        if (TryGetCount(schema, "maxContains", out var maxContains) && matches > maxContains)
        {
            sink?.Add(new(pointer, property, "maxContains", $"at most {maxContains} items matching 'contains'", Invariant(matches)));
            return false;
        }

        return true;
    }

    private static (int First, int Second)? FirstDuplicate(JsonArray items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (JsonEquality.AreEqual(items[i], items[j]))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }
}
