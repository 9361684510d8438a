using System.Globalization;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>
/// Numbers as the validator compares them: as decimals when they fit (so <c>0.1</c> steps and
/// <c>multipleOf</c> stay exact), as doubles when they do not (<c>1e308</c>). Values built in code
/// (<c>JsonValue.Create(5L)</c>) are read through their JSON text, since they only convert to their own type.
/// </summary>
internal static class JsonNumber
{
    public static bool TryDecimal(JsonValue value, out decimal result) =>
        value.TryGetValue(out result) || decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result) || TryFromDouble(value, out result);

    public static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<decimal>(out var m) ? (double)m
        : double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;

    public static int Compare(JsonValue a, JsonValue b) =>
        TryDecimal(a, out var x) && TryDecimal(b, out var y) ? x.CompareTo(y) : ToDouble(a).CompareTo(ToDouble(b));

    public static bool IsInteger(JsonValue value)
    {
        if (TryDecimal(value, out var m))
        {
            return decimal.Truncate(m) == m;
        }

        var d = ToDouble(value);
        return !double.IsInfinity(d) && Math.Floor(d) == d;
    }

    public static string Format(JsonValue value) => value.ToJsonString();

    private static bool TryFromDouble(JsonValue value, out decimal result)
    {
        result = 0;
        var d = ToDouble(value);
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e28)
        {
            return false;
        }

        result = (decimal)d;
        return true;
    }
}
