using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>One method per operator family. No coercion between JSON types anywhere.</summary>
internal static class AssertionChecks
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static CheckResult Check(AssertOperator op, JsonNode? actual, JsonNode? expected) => op switch
    {
        AssertOperator.Equal => CheckResult.Of(JsonEquality.AreEqual(actual, expected)),
        AssertOperator.NotEqual => CheckResult.Of(!JsonEquality.AreEqual(actual, expected)),
        AssertOperator.Less or AssertOperator.LessOrEqual or AssertOperator.Greater or AssertOperator.GreaterOrEqual
            => Compare(op, actual, expected),
        AssertOperator.Contains => Contains(actual, expected, "contains", negate: false),
        AssertOperator.NotContains => Contains(actual, expected, "not contains", negate: true),
        AssertOperator.Matches => Matches(actual, expected),
        AssertOperator.StartsWith => Affix(actual, expected, "startsWith", (a, e) => a.StartsWith(e, StringComparison.Ordinal)),
        AssertOperator.EndsWith => Affix(actual, expected, "endsWith", (a, e) => a.EndsWith(e, StringComparison.Ordinal)),
        AssertOperator.In => In(actual, expected),
        AssertOperator.IsType => IsType(actual, expected),
        _ => CheckResult.Cannot($"operator {op} needs no value on the right"),
    };

    public static string Symbol(AssertOperator op) => op switch
    {
        AssertOperator.Less => "<",
        AssertOperator.LessOrEqual => "<=",
        AssertOperator.Greater => ">",
        AssertOperator.GreaterOrEqual => ">=",
        AssertOperator.Equal => "==",
        AssertOperator.NotEqual => "!=",
        _ => op.ToString(),
    };

    /// <summary>Accepted type names and the aliases kest flows use.</summary>
    public static string? NormalizeTypeName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "string" => "string",
        "number" => "number",
        "boolean" or "bool" => "boolean",
        "array" => "array",
        "object" => "object",
        "null" => "null",
        _ => null,
    };

    private static CheckResult Compare(AssertOperator op, JsonNode? actual, JsonNode? expected)
    {
        var symbol = Symbol(op);
        if (!JsonNumber.TryRead(actual, out var left))
        {
            return CheckResult.Cannot($"cannot compare {ValueFormatter.Format(actual)} with {symbol}: only numbers and durations are ordered");
        }

        if (!JsonNumber.TryRead(expected, out var right))
        {
            return CheckResult.Cannot($"cannot compare with {symbol} against {ValueFormatter.Format(expected)}: the right side must be a number");
        }

        var order = JsonNumber.Compare(left, right);
        return CheckResult.Of(op switch
        {
            AssertOperator.Less => order < 0,
            AssertOperator.LessOrEqual => order <= 0,
            AssertOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }

    private static CheckResult Contains(JsonNode? actual, JsonNode? expected, string word, bool negate)
    {
        bool found;
        switch (JsonText.KindOf(actual))
        {
            case JsonValueKind.String when JsonText.KindOf(expected) == JsonValueKind.String:
                found = actual!.GetValue<string>().Contains(expected!.GetValue<string>(), StringComparison.Ordinal);
                break;
            case JsonValueKind.String:
                return CheckResult.Cannot($"{word} on a string needs a string to look for, got {ValueFormatter.Format(expected)}");
            case JsonValueKind.Array:
                found = actual!.AsArray().Any(item => JsonEquality.AreEqual(item, expected));
                break;
            case JsonValueKind.Object when JsonText.KindOf(expected) == JsonValueKind.String:
                found = actual!.AsObject().ContainsKey(expected!.GetValue<string>());
                break;
            case JsonValueKind.Object:
                return CheckResult.Cannot($"{word} on an object looks for a key and needs a string, got {ValueFormatter.Format(expected)}");
            default:
                return CheckResult.Cannot($"{word} needs a string, an array or an object, got {ValueFormatter.Format(actual)}");
        }

        return CheckResult.Of(found != negate);
    }

    private static CheckResult Matches(JsonNode? actual, JsonNode? expected)
    {
        if (JsonText.KindOf(expected) != JsonValueKind.String)
        {
            return CheckResult.Cannot($"matches needs a regular expression string, got {ValueFormatter.Format(expected)}");
        }

        if (JsonText.KindOf(actual) != JsonValueKind.String)
        {
            return CheckResult.Cannot($"matches needs a string to test, got {ValueFormatter.Format(actual)}");
        }

        var pattern = expected!.GetValue<string>();
        try
        {
            // The static IsMatch caches compiled patterns, which matters when a load test repeats the step.
            return CheckResult.Of(Regex.IsMatch(actual!.GetValue<string>(), pattern, RegexOptions.None, RegexTimeout));
        }
        catch (RegexMatchTimeoutException)
        {
            return CheckResult.Cannot($"the pattern {ValueFormatter.FormatBare(expected)} took longer than {RegexTimeout.TotalSeconds:0} s to match");
        }
        catch (ArgumentException ex)
        {
            return CheckResult.Cannot($"invalid regular expression {ValueFormatter.FormatBare(expected)}: {ex.Message}");
        }
    }

    private static CheckResult Affix(JsonNode? actual, JsonNode? expected, string word, Func<string, string, bool> test)
    {
        if (JsonText.KindOf(actual) != JsonValueKind.String || JsonText.KindOf(expected) != JsonValueKind.String)
        {
            return CheckResult.Cannot(
                $"{word} works on strings only, got {ValueFormatter.Format(actual)} and {ValueFormatter.Format(expected)}");
        }

        return CheckResult.Of(test(actual!.GetValue<string>(), expected!.GetValue<string>()));
    }

    private static CheckResult In(JsonNode? actual, JsonNode? expected)
    {
        if (expected is not JsonArray list)
        {
            return CheckResult.Cannot($"in needs a list such as [200, 201], got {ValueFormatter.Format(expected)}");
        }

        return CheckResult.Of(list.Any(item => JsonEquality.AreEqual(actual, item)));
    }

    private static CheckResult IsType(JsonNode? actual, JsonNode? expected)
    {
        var name = JsonText.KindOf(expected) == JsonValueKind.String ? NormalizeTypeName(expected!.GetValue<string>()) : null;
        if (name is null)
        {
            return CheckResult.Cannot(
                $"unknown type {ValueFormatter.FormatBare(expected)}: use string, number, boolean, array, object or null");
        }

        return CheckResult.Of(ValueFormatter.TypeName(actual) == name);
    }
}
