using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Schema;

/// <summary>Number and string keywords: bounds, multipleOf, lengths in code points, pattern, format.</summary>
internal sealed partial class SchemaEvaluator
{
    private static bool EvaluateNumber(JsonObject schema, JsonValue number, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var valid = true;

        // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum; 3.1 and 2020-12 as numbers of their own.
        var exclusiveMinimumFlag = IsTrue(schema, "exclusiveMinimum");
        var exclusiveMaximumFlag = IsTrue(schema, "exclusiveMaximum");
        if (TryGetNumber(schema, "minimum", out var minimum))
        {
            valid &= Bound(number, minimum, exclusiveMinimumFlag ? "exclusiveMinimum" : "minimum", exclusiveMinimumFlag ? ">" : ">=", pointer, property, sink);
        }

        if (TryGetNumber(schema, "maximum", out var maximum))
        {
            valid &= Bound(number, maximum, exclusiveMaximumFlag ? "exclusiveMaximum" : "maximum", exclusiveMaximumFlag ? "<" : "<=", pointer, property, sink);
        }

        if (TryGetNumber(schema, "exclusiveMinimum", out var exclusiveMinimum))
        {
            valid &= Bound(number, exclusiveMinimum, "exclusiveMinimum", ">", pointer, property, sink);
        }

        if (TryGetNumber(schema, "exclusiveMaximum", out var exclusiveMaximum))
        {
            valid &= Bound(number, exclusiveMaximum, "exclusiveMaximum", "<", pointer, property, sink);
        }

        if (TryGetNumber(schema, "multipleOf", out var divisor) && !IsMultipleOf(number, divisor))
        {
            sink?.Add(new(pointer, property, "multipleOf", "a multiple of " + JsonNumber.Format(divisor), InstanceText.Describe(number)));
            valid = false;
        }

        return valid;
    }

    private static bool Bound(JsonValue number, JsonValue limit, string keyword, string relation, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var comparison = JsonNumber.Compare(number, limit);
        var ok = relation switch
        {
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            "<" => comparison < 0,
            _ => comparison <= 0,
        };
        if (!ok)
        {
            sink?.Add(new(pointer, property, keyword, $"{relation} {JsonNumber.Format(limit)}", InstanceText.Describe(number)));
        }

        return ok;
    }

    private static bool IsMultipleOf(JsonValue number, JsonValue divisor)
    {
        if (JsonNumber.TryDecimal(number, out var value) && JsonNumber.TryDecimal(divisor, out var step) && step != 0)
        {
            try
            {
                return value % step == 0;
            }
            catch (OverflowException)
            {
                // Fall through to doubles: decimal cannot hold the quotient.
            }
        }

        var quotient = JsonNumber.ToDouble(number) / JsonNumber.ToDouble(divisor);
        return double.IsFinite(quotient) ? Math.Abs(quotient - Math.Round(quotient)) < 1e-9 : false;
    }

    private static bool EvaluateString(JsonObject schema, string text, string pointer, string? property, List<SchemaViolation>? sink)
    {
        var valid = true;
        var needsLength = schema.ContainsKey("minLength") || schema.ContainsKey("maxLength");
        var length = needsLength ? CodePoints(text) : 0;
        if (TryGetCount(schema, "minLength", out var minLength) && length < minLength)
        {
            sink?.Add(new(pointer, property, "minLength", $"at least {minLength} characters", $"{length} ({Quote(text)})"));
            valid = false;
        }

        if (TryGetCount(schema, "maxLength", out var maxLength) && length > maxLength)
        {
            sink?.Add(new(pointer, property, "maxLength", $"at most {maxLength} characters", $"{length} ({Quote(text)})"));
            valid = false;
        }

        if (TryGetString(schema, "pattern", out var pattern))
        {
            var match = EcmaRegex.IsMatch(pattern, text);
            if (match != true)
            {
                var wanted = match is null ? $"a match for /{pattern}/ within {EcmaRegex.Timeout.TotalSeconds:0} s" : $"a match for /{pattern}/";
                sink?.Add(new(pointer, property, "pattern", wanted, "string " + Quote(text)));
                valid = false;
            }
        }

        if (TryGetString(schema, "format", out var format) && !FormatChecker.IsValid(format, text))
        {
            sink?.Add(new(pointer, property, "format", "a " + format, "string " + Quote(text)));
            valid = false;
        }

        return valid;
    }

    /// <summary>JSON Schema lengths count Unicode code points, so a surrogate pair (an emoji) is one character.</summary>
    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var unused in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Quote(string text) => InstanceText.Literal(JsonValue.Create(text));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
