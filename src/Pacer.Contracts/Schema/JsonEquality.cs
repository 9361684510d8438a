using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// JSON Schema's notion of equal instances (enum, const, uniqueItems): numbers compare by value
/// (<c>1</c> equals <c>1.0</c>), objects ignore member order, and nothing else converts.
/// </summary>
public static class JsonEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return IsNull(left) && IsNull(right);
        }

        switch (left, right)
        {
            case (JsonObject a, JsonObject b):
                return a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other));
            case (JsonArray a, JsonArray b):
                return a.Count == b.Count && a.Select((item, i) => AreEqual(item, b[i])).All(equal => equal);
            case (JsonValue a, JsonValue b):
                return ValuesEqual(a, b);
            default:
                return false;
        }
    }

    public static bool IsNull(JsonNode? node) => node is null || (node is JsonValue value && value.GetValueKind() == JsonValueKind.Null);

    private static bool ValuesEqual(JsonValue a, JsonValue b)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA == JsonValueKind.Number && kindB == JsonValueKind.Number)
        {
            return JsonNumber.Compare(a, b) == 0;
        }

        if (kindA != kindB)
        {
            return false;
        }

        return kindA switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        };
    }
}
