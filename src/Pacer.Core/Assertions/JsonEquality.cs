using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// Deep JSON equality: numbers by value (1 == 1.0 == 1e0), strings ordinally, objects by their key sets
/// regardless of order, arrays item by item. Never equates values of different JSON types.
/// </summary>
public static class JsonEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = JsonText.KindOf(left);
        if (kind != JsonText.KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return JsonNumber.TryRead(left, out var a) && JsonNumber.TryRead(right, out var b) && JsonNumber.Compare(a, b) == 0;
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                var leftArray = left!.AsArray();
                var rightArray = right!.AsArray();
                return leftArray.Count == rightArray.Count && leftArray.Zip(rightArray).All(pair => AreEqual(pair.First, pair.Second));
            case JsonValueKind.Object:
                var leftObject = left!.AsObject();
                var rightObject = right!.AsObject();
                return leftObject.Count == rightObject.Count
                    && leftObject.All(p => rightObject.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other));
            default:
                // true, false and null: the kind is the whole value.
                return true;
        }
    }
}
