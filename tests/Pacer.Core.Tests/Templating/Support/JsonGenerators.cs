using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Pacer.Core.Tests.Templating.Support;

/// <summary>FsCheck generators for text and JSON values, biased towards the awkward cases.</summary>
public static class JsonGenerators
{
    /// <summary>Well-formed text, biased towards the characters JSON must escape.</summary>
    public static Gen<string> Texts()
    {
        var tricky = Gen.Elements("\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "/", "{{", "}}", "é", "😀", "\u2028", " ");
        var plain = Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString());
        return Gen.Frequency((1, tricky), (2, plain)).ArrayOf().Select(parts => string.Concat(parts));
    }

    /// <summary>Decimal numbers with up to 6 decimal places, the kind APIs return.</summary>
    public static Gen<decimal> Decimals() =>
        Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(0, 6)).Select(p => p.Item1 / (decimal)Math.Pow(10, p.Item2));

    /// <summary>Arbitrary JSON trees a capture could hold: scalars, nested arrays and objects.</summary>
    public static Gen<JsonNode?> Values(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
            Decimals().Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false), null),
            Texts().Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth == 0)
        {
            return scalars;
        }

        var children = Values(depth - 1);
        var arrays = children.ListOf().Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var objects = Gen.Zip(Texts(), children).ListOf().Select(pairs =>
        {
            var obj = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                obj[key] = value?.DeepClone();
            }

            return (JsonNode?)obj;
        });
        return Gen.Frequency((4, scalars), (1, arrays), (1, objects));
    }
}
