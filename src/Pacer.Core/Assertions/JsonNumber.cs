using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// A JSON number for comparison and arithmetic. Decimal when the value fits (so 0.1 + 0.2 == 0.3 and
/// 1 == 1.0 hold exactly), double otherwise (very large or tiny exponents); both sides of one operation
/// use the same representation.
/// </summary>
public readonly record struct JsonNumber(decimal Exact, double Approximate, bool IsDecimal)
{
    public static bool TryRead(JsonNode? node, out JsonNumber number)
    {
        number = default;
        if (JsonText.KindOf(node) != JsonValueKind.Number)
        {
            return false;
        }

        var text = JsonText.ToJson(node);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            number = new JsonNumber(d, (double)d, true);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            number = new JsonNumber(0, x, false);
            return true;
        }

        return false;
    }

    public static JsonNumber Of(decimal value) => new(value, (double)value, true);

    public static JsonNumber Of(double value) => new(0, value, false);

    public static int Compare(JsonNumber left, JsonNumber right) =>
        left.IsDecimal && right.IsDecimal ? left.Exact.CompareTo(right.Exact) : left.Approximate.CompareTo(right.Approximate);

    /// <summary>The number as a JSON node, trailing decimal zeros removed (2.0 shows as 2).</summary>
    public JsonNode ToNode()
    {
        if (IsDecimal)
        {
            // Dividing by 1.000… drops trailing zeros from the decimal's scale.
            return JsonValue.Create(Exact / 1.000000000000000000000000000000000m);
        }

        return JsonValue.Create(Approximate);
    }
}
